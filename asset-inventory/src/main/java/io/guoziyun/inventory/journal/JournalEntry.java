package io.guoziyun.inventory.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A dated note on a site or a server, e.g. the evidence for its retirement. */
@Entity
public class JournalEntry extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JournalLevel")
    public enum Level {
        INFO,
        SUCCESS,
        WARNING,
        DANGER
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String subjectType;
    public UUID subjectId;
    public LocalDate notedOn;

    @Enumerated(EnumType.STRING)
    public Level level;

    public String note;
    public String author;
    public Instant createdAt;

    static JournalEntry of(
            String firmId, String subjectType, UUID subjectId, LocalDate on, Level level, String text, String author) {
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.firmId = firmId;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.notedOn = on;
        entry.level = level;
        entry.note = text;
        entry.author = author;
        entry.createdAt = Instant.now();
        return entry;
    }
}
