package io.guoziyun.contracts.provider;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.finding.FindingEvaluator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Cloud providers and their classification under the directive")
@SecurityRequirement(name = "oidc")
public class ProviderResource {

    private static final String SUBJECT = "provider";

    private final Caller caller;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final FindingEvaluator findings;

    public ProviderResource(Caller caller, Idempotency idempotency, AuditTrail audit, FindingEvaluator findings) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.audit = audit;
        this.findings = findings;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "List providers", description = "Roles: firm, regulator, auditor.")
    public List<ProviderView> list() {
        return Provider.<Provider>listAll(io.quarkus.panache.common.Sort.by("slug")).stream()
                .map(p -> ProviderView.of(p, history(p.slug)))
                .toList();
    }

    @GET
    @Path("/{slug}")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a provider and its classification history", description = "Roles: all.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response read(
            @PathParam("slug") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "a provider slug") String slug) {
        Provider provider = find(slug);
        return Response.ok(ProviderView.of(provider, history(slug)))
                .tag(Versions.etag(provider.version))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Add a provider", description = "Role: regulator. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response add(
            @NotNull(message = "a JSON body is required") @Valid ProviderFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/providers", body, () -> {
            if (Provider.bySlug(body.slug()).isPresent()) {
                throw new ProblemException(409, "Conflict", "Provider " + body.slug() + " already exists");
            }
            Provider provider = new Provider();
            provider.slug = body.slug();
            provider.name = body.name();
            provider.classification = body.classification();
            provider.createdAt = Instant.now();
            provider.persist();
            appendHistory(provider, body.reason());
            provider.flush();
            ProviderView view = ProviderView.of(provider, history(provider.slug));
            audit.record("provider.added", SUBJECT, provider.slug, null, null, view);
            return Response.created(
                            uri.getAbsolutePathBuilder().path(provider.slug).build())
                    .tag(Versions.etag(provider.version))
                    .entity(view)
                    .build();
        });
    }

    @PUT
    @Path("/{slug}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Reclassify a provider",
            description = "Role: regulator. Needs If-Match. Kept in the provider's history; the findings of every "
                    + "contract with this provider are re-evaluated at once.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response reclassify(
            @PathParam("slug") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "a provider slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid Reclassification body) {
        Provider provider = find(slug);
        Versions.requireMatch(ifMatch, provider.version);
        ProviderView before = ProviderView.of(provider, history(slug));
        if (provider.classification != body.classification()) {
            provider.classification = body.classification();
            appendHistory(provider, body.reason());
            provider.flush();
            for (Contract contract : Contract.<Contract>list("provider", slug)) {
                findings.reevaluate(contract);
            }
        }
        ProviderView after = ProviderView.of(provider, history(slug));
        audit.record("provider.reclassified", SUBJECT, slug, null, before, after);
        return Response.ok(after).tag(Versions.etag(provider.version)).build();
    }

    private void appendHistory(Provider provider, String reason) {
        ProviderClassification entry = new ProviderClassification();
        entry.id = UUID.randomUUID();
        entry.providerSlug = provider.slug;
        entry.classification = provider.classification;
        entry.changedAt = Instant.now();
        entry.changedBy = caller.name();
        entry.reason = reason;
        entry.persist();
    }

    private static Provider find(String slug) {
        return Provider.bySlug(slug).orElseThrow(() -> ProblemException.notFound("Provider " + slug));
    }

    private static List<ProviderClassification> history(String slug) {
        return ProviderClassification.list("providerSlug = ?1 order by changedAt, id", slug);
    }
}
