package io.guoziyun.listing.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A file a firm uploaded for its application: what it is, its size, media type and SHA-256 (bytes apart). */
@Entity
public class ApplicationDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    public String filename;
    public String mediaType;
    public long sizeBytes;
    public String sha256;
    public String uploadedBy;
    public Instant uploadedAt;
    public String filedUnder;

    public static List<ApplicationDocument> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by uploadedAt, id", applicationId);
    }
}
