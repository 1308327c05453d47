package io.guoziyun.inventory.server.bulk;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.problem.Problem;
import io.guoziyun.inventory.finding.InventoryFindings;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    private final ServerImport imports;
    private final InventoryFindings findings;
    private final AuditTrail audit;
    private final long maxBytes;

    public ServerImportResource(
            Caller caller,
            ServerImport imports,
            InventoryFindings findings,
            AuditTrail audit,
            @ConfigProperty(name = "guoziyun.import.max-bytes", defaultValue = "50M") MemorySize maxBytes) {
        this.caller = caller;
        this.imports = imports;
        this.findings = findings;
        this.audit = audit;
        this.maxBytes = maxBytes.asLongValue();
    }

    @POST
    @Consumes({"text/csv", JSON_LINES, "application/jsonl"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
        boolean dryRun = Boolean.parseBoolean(dryRunParam);
        ServerImport.Format format = contentType != null && contentType.startsWith("text/csv")
                ? ServerImport.Format.CSV
                : ServerImport.Format.JSON_LINES;
        MessageDigest sha256 = sha256();
        // The upload is spooled first, so no transaction or database connection waits on a slow sender.
        java.nio.file.Path upload = spool(body, sha256);
        String digest = HexFormat.of().formatHex(sha256.digest());
        try {
            return QuarkusTransaction.requiringNew().call(() -> load(upload, format, firmId, dryRun, mode, digest));
        } catch (NothingWritten report) {
            return report.response;
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(upload);
            } catch (java.io.IOException ignored) {
                // a temp file left behind is removed with the temp directory
            }
        }
    }

    private Response load(
            java.nio.file.Path upload,
            ServerImport.Format format,
            String firmId,
            boolean dryRun,
            String mode,
            String digest)
            throws java.io.IOException {
        boolean upsert = "upsert".equals(mode);
        // A plain import loads straight into the server table; a dry run or an upsert goes through staging.
        boolean direct = !upsert && !dryRun;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ServerImport.Staged staged;
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(upload), 1 << 16)) {
            staged = imports.stage(in, format, firmId, direct, now);
        }
        List<ImportReport.RowError> errors = staged.errors();
        long errorCount = staged.errorCount();
        if (errorCount == 0 && (staged.alreadyDeclared() || (!upsert && dryRun))) {
            errors = imports.alreadyDeclared(firmId, staged.rowOfTag());
            errorCount = errors.size();
        }
        if (errorCount > 0 || dryRun) {
            int status = errorCount > 0 ? 422 : 200;
            ImportReport report = new ImportReport(
                    errorCount > 0 ? "about:blank" : null,
                    errorCount > 0 ? "Unprocessable Content" : null,
                    errorCount > 0 ? 422 : null,
                    errorCount > 0 ? errorCount + " problems found; nothing was imported" : "Every row is valid",
                    dryRun,
                    mode,
                    staged.rowsRead(),
                    null,
                    null,
                    errorCount,
                    errorCount > errors.size(),
                    errors);
            // Thrown, not returned: the transaction then rolls back whatever the load wrote.
            throw new NothingWritten(Response.status(status)
                    .type(errorCount > 0 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                    .entity(report)
                    .build());
        }
        long[] written;
        if (direct) {
            written = new long[] {staged.rowOfTag().size(), 0};
            findings.serversLoaded(firmId, staged.firstId(), staged.lastId());
        } else {
            written = imports.upsert(firmId);
            findings.importedServersOf(firmId);
        }
        audit.record(
                "servers.imported",
                "server-import",
                digest.substring(0, 32),
                firmId,
                null,
                Map.of(
                        "sha256",
                        digest,
                        "mode",
                        mode,
                        "rows",
                        staged.rowsRead(),
                        "inserted",
                        written[0],
                        "updated",
                        written[1]));
        return Response.ok(new ImportReport(
                        null,
                        null,
                        null,
                        "Imported",
                        false,
                        mode,
                        staged.rowsRead(),
                        written[0],
                        written[1],
                        0,
                        false,
                        List.of()))
                .build();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the upload to a temporary file, counting its bytes (413 beyond the maximum) and hashing it. */
    private java.nio.file.Path spool(InputStream body, MessageDigest sha256) {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("server-import-", ".upload");
            try (InputStream in = new DigestInputStream(ImportTooLarge.limit(body, maxBytes), sha256)) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (ImportTooLarge e) {
            deleteQuietly(file);
            throw e.problem();
        } catch (java.io.IOException e) {
            deleteQuietly(file);
            throw new io.guoziyun.commons.problem.ProblemException(
                    400, "Bad Request", "The upload could not be read to its end");
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        if (file != null) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** A dry run's or a failed import's report: its transaction is rolled back, its answer still given. */
    private static final class NothingWritten extends RuntimeException {
        final transient Response response;

        NothingWritten(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
