package io.guoziyun.inventory.journal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A journal note as filed, and as read back. */
public final class JournalNote {

    private JournalNote() {}

    @Schema(name = "JournalFiling")
    public record Filing(
            @NotNull @Schema(example = "2022-05-10") LocalDate notedOn,
            @NotNull JournalEntry.Level level,

            @NotBlank @Size(max = 4000) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
            String note) {}

    @Schema(name = "JournalEntry")
    public record View(
            UUID id, LocalDate notedOn, JournalEntry.Level level, String note, String author, Instant createdAt) {

        public static View of(JournalEntry e) {
            return new View(e.id, e.notedOn, e.level, e.note, e.author, e.createdAt);
        }
    }
}
