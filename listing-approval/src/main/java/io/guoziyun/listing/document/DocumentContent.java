package io.guoziyun.listing.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.hibernate.Session;
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

    /**
     * The bytes of {@code doc} streamed from {@code file} into the database in the current transaction, never held
     * in memory whole (JDBC streams a parameter of known length).
     */
    static void stream(ApplicationDocument doc, Path file, long size) {
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO document_content (document_id, firm_id, content) VALUES (?, ?, ?)");
                    InputStream in = Files.newInputStream(file)) {
                insert.setObject(1, doc.id);
                insert.setString(2, doc.firmId);
                insert.setBinaryStream(3, in, size);
                insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
