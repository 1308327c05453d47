package io.guoziyun.inventory.journal;

import io.guoziyun.commons.audit.AuditEntryView;
import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The journal and the change history that sites and servers both have, mounted below each one's path
 * ({@code …/{id}/journal}, {@code …/{id}/history}).
 */
public abstract class JournaledResource {

    protected final Journal journal;
    protected final AuditTrail audit;
    protected final Idempotency idempotency;

    protected JournaledResource(Journal journal, AuditTrail audit, Idempotency idempotency) {
        this.journal = journal;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    /** The audit and journal subject type, e.g. {@code site}. */
    protected abstract String subject();

    /** The firm of the object, which must exist and be visible to the caller (else 404). */
    protected abstract String firmOf(UUID id);

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

    @GET
    @Path("/{id}/journal")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read the journal", description = "Roles: firm (own), regulator, auditor. Oldest first.")
    public List<JournalNote.View> journal(@PathParam("id") UUID id) {
        firmOf(id);
        return journal.of(subject(), id);
    }

    @POST
    @Path("/{id}/journal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            summary = "Add a note to the journal",
            description = "Roles: firm (own), regulator. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = JournalNote.View.class)))
    public Response note(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid JournalNote.Filing body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String firmId = firmOf(id);
        return idempotency.once(idempotencyKey, "POST " + subject() + "/" + id + "/journal", body, () -> {
            JournalEntry entry = journal.note(firmId, subject(), id, body.notedOn(), body.level(), body.note());
            JournalNote.View view = JournalNote.View.of(entry);
            audit.record(subject() + ".noted", subject(), id, firmId, null, view);
            return Response.status(201).entity(view).build();
        });
    }

    @GET
    @Path("/{id}/history")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Read the change history",
            description = "Roles: firm (own), regulator, auditor. Every change: who, when, before, after, from the "
                    + "audit chain; it never expires.")
    public List<AuditEntryView> history(
            @PathParam("id") UUID id, @QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        firmOf(id);
        return audit.entries(subject(), id.toString(), after, 1000);
    }
}
