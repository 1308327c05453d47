package io.guoziyun.listing.document;

import io.guoziyun.listing.application.ListingApplication;
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

    /** A document just uploaded for {@code app}, not yet filed under an accession number. */
    static ApplicationDocument uploaded(
            ListingApplication app,
            DocumentKind kind,
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            String by) {
        ApplicationDocument doc = new ApplicationDocument();
        doc.id = UUID.randomUUID();
        doc.firmId = app.firmId;
        doc.applicationId = app.id;
        doc.kind = kind;
        doc.filename = filename;
        doc.mediaType = mediaType;
        doc.sizeBytes = sizeBytes;
        doc.sha256 = sha256;
        doc.uploadedBy = by;
        doc.uploadedAt = Instant.now();
        return doc;
    }

    /** The application's documents not yet filed are filed under {@code accessionNumber}. */
    public static void fileUnfiledUnder(UUID applicationId, String accessionNumber) {
        for (ApplicationDocument d : ofApplication(applicationId)) {
            if (d.filedUnder == null) {
                d.filedUnder = accessionNumber;
            }
        }
    }

    public static List<ApplicationDocument> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by uploadedAt, id", applicationId);
    }
}
