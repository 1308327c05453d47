package io.guoziyun.commons.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One link of the audit chain. {@code before} and {@code after} are the JSON of the subject, exactly as hashed. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        long seq,
        Instant at,
        String actor,
        String firmId,
        String requestId,
        String action,
        String subjectType,
        String subjectId,
        String before,
        String after,
        String prevHash,
        String hash) {}
