package io.guoziyun.contracts.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Renewal")
public record RenewalView(
        UUID id,
        UUID contractId,
        LocalDate renewedOn,
        LocalDate newEndsOn,
        Renewal.Kind kind,
        String note,
        Instant createdAt) {

    static RenewalView of(Renewal r) {
        return new RenewalView(r.id, r.contractId, r.renewedOn, r.newEndsOn, r.kind, r.note, r.createdAt);
    }
}
