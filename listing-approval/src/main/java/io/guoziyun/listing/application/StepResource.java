package io.guoziyun.listing.application;

import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.rest.Versioned;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Supplier;

/** What every step of the review workflow shares: one answer per Idempotency-Key, with the application's ETag. */
abstract class StepResource {

    private final Idempotency idempotency;

    protected StepResource(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    protected Response once(UUID id, String step, Object body, String key, Supplier<Versioned<ApplicationView>> act) {
        String operation = "POST /api/v1/listing-applications/" + id + "/" + step;
        return idempotency.once(key, operation, body, () -> act.get().ok());
    }
}
