package io.guoziyun.listing.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The bytes of a document, read only when downloaded. */
@Entity
public class DocumentContent extends PanacheEntityBase {

    @Id
    public UUID documentId;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public byte[] content;

    static DocumentContent of(ApplicationDocument doc, byte[] bytes) {
        DocumentContent stored = new DocumentContent();
        stored.documentId = doc.id;
        stored.firmId = doc.firmId;
        stored.content = bytes;
        return stored;
    }
}
