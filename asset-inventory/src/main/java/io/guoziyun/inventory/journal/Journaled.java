package io.guoziyun.inventory.journal;

import io.guoziyun.commons.audit.AuditEntryView;
import io.guoziyun.commons.audit.AuditTrail;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What sites and servers share as use cases: their journal and their change history. A subclass is the service
 * of one kind of subject (a transactional bean) and says how to find one.
 */
public abstract class Journaled {

    protected Journal journal;
    protected AuditTrail audit;

    /** For the container's client proxy only. */
    protected Journaled() {}

    protected Journaled(Journal journal, AuditTrail audit) {
        this.journal = journal;
        this.audit = audit;
    }

    /** The audit and journal subject type, e.g. {@code site}. */
    public abstract String subject();

    /** The firm of the object, which must exist and be visible to the caller (else 404). */
    protected abstract String firmOf(UUID id);

    /** 404 unless the object exists and the caller may see it. */
    public void requireVisible(UUID id) {
        firmOf(id);
    }

    public List<JournalNote.View> journal(UUID id) {
        firmOf(id);
        return journal.of(subject(), id);
    }

    public JournalNote.View note(UUID id, JournalNote.Filing filing) {
        String firmId = firmOf(id);
        JournalEntry entry = journal.note(firmId, subject(), id, filing.notedOn(), filing.level(), filing.note());
        JournalNote.View view = JournalNote.View.of(entry);
        audit.record(subject() + ".noted", subject(), id, firmId, null, view);
        return view;
    }

    public List<AuditEntryView> history(UUID id, long after) {
        firmOf(id);
        return audit.entries(subject(), id.toString(), null, after, 1000);
    }

    /** A status change's evidence in the journal: a regulator's correction as a warning, a firm's move as info. */
    protected void noteStatus(
            String firmId, UUID id, LocalDate on, boolean correction, Object status, String evidence) {
        journal.note(
                firmId,
                subject(),
                id,
                on,
                correction ? JournalEntry.Level.WARNING : JournalEntry.Level.INFO,
                (correction ? "Correction to " : "Status ") + status + ": " + evidence);
    }
}
