package io.guoziyun.inventory.journal;

import io.guoziyun.commons.firm.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The journals of sites and servers: append and read, never edit. */
@ApplicationScoped
public class Journal {

    private final Caller caller;

    public Journal(Caller caller) {
        this.caller = caller;
    }

    public JournalEntry note(
            String firmId, String subjectType, UUID subjectId, LocalDate on, JournalEntry.Level level, String text) {
        JournalEntry entry = JournalEntry.of(firmId, subjectType, subjectId, on, level, text, caller.name());
        entry.persist();
        return entry;
    }

    public List<JournalNote.View> of(String subjectType, UUID subjectId) {
        return JournalEntry.<JournalEntry>list(
                        "subjectType = ?1 and subjectId = ?2 order by notedOn, createdAt", subjectType, subjectId)
                .stream()
                .map(JournalNote.View::of)
                .toList();
    }
}
