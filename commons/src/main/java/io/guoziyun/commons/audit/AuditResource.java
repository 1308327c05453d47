package io.guoziyun.commons.audit;

import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.validation.UsccCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The audit log of one service, for regulators and auditors. Each service mounts it under its own path (a
 * subclass with {@code @Path}), so that the gateway can route each service's log.
 */
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public abstract class AuditResource {

    private final AuditTrail trail;

    protected AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "list{Resource}Entries",
            summary = "Read the audit log",
            description = "Roles: regulator, auditor. In chain order; page on with after = the last seq you saw. "
                    + "firmId: the entries of one firm's records.")
    public List<AuditEntryView> entries(
            @QueryParam("subjectType") @Pattern(regexp = "[A-Za-z-]{1,64}") String subjectType,
            @QueryParam("subjectId") @Pattern(regexp = "[A-Za-z0-9-]{1,128}") String subjectId,
            @QueryParam("firmId") @UsccCode String firmId,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return trail.entries(subjectType, subjectId, firmId, after, limit);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "verify{Resource}Chain",
            summary = "Verify the audit chain",
            description =
                    "Roles: regulator, auditor. Re-computes every hash; names the first entry that does not hold.")
    public ChainVerification verify() {
        return trail.verify();
    }
}
