package io.guoziyun.inventory.journal;

import io.guoziyun.commons.audit.AuditEntryView;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
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

    protected final Idempotency idempotency;
    private final Journaled subjects;

    protected JournaledResource(Journaled subjects, Idempotency idempotency) {
        this.subjects = subjects;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/{id}/journal")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "list{Subject}Journal",
            summary = "Read the journal",
            description = "Roles: firm (own), regulator, auditor. Oldest first.")
    public List<JournalNote.View> journal(@PathParam("id") UUID id) {
        return subjects.journal(id);
    }

    @POST
    @Path("/{id}/journal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            operationId = "add{Subject}JournalNote",
            summary = "Add a note to the journal",
            description = "Roles: firm (own), regulator. Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            content = @Content(schema = @Schema(implementation = JournalNote.View.class)))
    public Response note(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid JournalNote.Filing body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        subjects.requireVisible(id);
        return idempotency.once(
                idempotencyKey,
                "POST " + subjects.subject() + "/" + id + "/journal",
                body,
                () -> Response.status(201).entity(subjects.note(id, body)).build());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "list{Subject}History",
            summary = "Read the change history",
            description = "Roles: firm (own), regulator, auditor. Every change: who, when, before, after, from the "
                    + "audit chain; it never expires.")
    public List<AuditEntryView> history(
            @PathParam("id") UUID id, @QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        return subjects.history(id, after);
    }
}
