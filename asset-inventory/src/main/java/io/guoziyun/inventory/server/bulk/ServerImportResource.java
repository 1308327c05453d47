package io.guoziyun.inventory.server.bulk;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/servers/import")
@Tag(name = "Servers")
@SecurityRequirement(name = "oidc")
public class ServerImportResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final Caller caller;
    private final ServerImports imports;
    private final long maxBytes;

    public ServerImportResource(
            Caller caller,
            ServerImports imports,
            @ConfigProperty(name = "guoziyun.import.max-bytes", defaultValue = "50M") MemorySize maxBytes) {
        this.caller = caller;
        this.imports = imports;
        this.maxBytes = maxBytes.asLongValue();
    }

    @POST
    @Consumes({"text/csv", JSON_LINES, "application/jsonl"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "importServers",
            summary = "Import servers from a CSV or JSON-lines file",
            description = "Role: firm. CSV (text/csv, UTF-8 with or without BOM, CRLF or LF, quoted fields) with the "
                    + "header assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status, or one JSON "
                    + "object per line (application/x-ndjson). All or nothing: one bad row writes nothing, and every "
                    + "row's errors come back at once (422). dryRun=true checks only. mode=upsert updates servers "
                    + "already declared (by asset tag); the default refuses them. Status may be PLANNED or ACTIVE.")
    @APIResponse(
            responseCode = "200",
            description = "Imported, or (dryRun) would import",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "422",
            description = "Rows are invalid or already declared; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the configured maximum")
    public Response importServers(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dryRun") @DefaultValue("false") @Pattern(regexp = "true|false", message = "true or false")
                    String dryRunParam,
            @QueryParam("mode") @DefaultValue("create") @Pattern(regexp = "create|upsert", message = "create or upsert")
                    String mode) {
        String firmId = caller.requireFirmId();
        ImportFiles.Format format = contentType != null && contentType.startsWith("text/csv")
                ? ImportFiles.Format.CSV
                : ImportFiles.Format.JSON_LINES;
        try (UploadSpool upload = UploadSpool.of(body, maxBytes)) {
            ServerImports.Outcome outcome = imports.load(
                    upload.file(),
                    new ServerImports.Request(
                            firmId, format, Boolean.parseBoolean(dryRunParam), mode, upload.sha256()));
            return Response.status(outcome.status())
                    .type(outcome.status() == 200 ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE)
                    .entity(outcome.report())
                    .build();
        }
    }
}
