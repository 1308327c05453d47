package io.guoziyun.listing.document;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as the API shows it: what it is, its size, media type and SHA-256 (the bytes apart). */
@Schema(name = "ApplicationDocument")
public record DocumentView(
        UUID id,
        DocumentKind kind,
        String filename,
        String mediaType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,

        @Schema(description = "The accession number it was filed under; null while not yet filed")
        String filedUnder) {

    static DocumentView of(ApplicationDocument d) {
        return new DocumentView(
                d.id, d.kind, d.filename, d.mediaType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt, d.filedUnder);
    }
}
