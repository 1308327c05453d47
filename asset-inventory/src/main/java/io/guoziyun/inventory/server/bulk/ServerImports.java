package io.guoziyun.inventory.server.bulk;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.inventory.finding.InventoryFindingEvaluator;
import io.guoziyun.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A bulk import of servers from a spooled file, all or nothing in one transaction: a dry run or a file with any
 * bad row is rolled back and answered with its report; a good one loads, finds its AI-2 findings and is audited.
 */
@ApplicationScoped
public class ServerImports {

    private final ServerImport imports;
    private final StagedRows stagedRows;
    private final InventoryFindingEvaluator findings;
    private final AuditTrail audit;

    public ServerImports(
            ServerImport imports, StagedRows stagedRows, InventoryFindingEvaluator findings, AuditTrail audit) {
        this.imports = imports;
        this.stagedRows = stagedRows;
        this.findings = findings;
        this.audit = audit;
    }

    /** An import's answer: 200 with what was (or would be) imported, 422 with every error. */
    public record Outcome(int status, ImportReport report) {}

    /** The request, as the resource read it. */
    public record Request(String firmId, ImportFiles.Format format, boolean dryRun, String mode, String sha256) {}

    public Outcome load(Path upload, Request request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> loadInTransaction(upload, request));
        } catch (NothingWritten answer) {
            return answer.outcome;
        }
    }

    /** Upserted rows that would take a server's finding away from days already past (ADR 0007). */
    private List<ImportReport.RowError> rewritingThePast(String firmId) {
        List<String> tags = findings.importRewritingThePast(firmId, ServerImport.MAX_REPORTED_ERRORS);
        Map<String, Long> rows = stagedRows.rowsOf(tags);
        return tags.stream()
                .map(tag -> new ImportReport.RowError(
                        rows.get(tag),
                        "acquiredOn",
                        tag,
                        "would take the server's AI-2 finding away from days already past; the record of the past"
                                + " is kept (ADR 0007)"))
                .toList();
    }

    private ServerImport.Staged stage(Path upload, Request request, boolean direct, Instant now) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(upload), 1 << 16)) {
            return imports.stage(in, request.format(), request.firmId(), direct, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome loadInTransaction(Path upload, Request request) {
        boolean upsert = "upsert".equals(request.mode());
        // A plain import loads straight into the server table; a dry run or an upsert goes through staging.
        boolean direct = !upsert && !request.dryRun();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ServerImport.Staged staged = stage(upload, request, direct, now);
        boolean refused = staged.refused();
        boolean viaStaging = !direct;
        if (direct && (refused || staged.errorCount() > 0)) {
            // The direct load stopped (and was undone): the file again, through staging, for the whole report.
            staged = stage(upload, request, false, now);
            viaStaging = true;
        }
        List<ImportReport.RowError> errors = staged.errors();
        long errorCount = staged.errorCount();
        if (viaStaging) {
            // Found in SQL over the staged rows, not in memory: the heap holds nothing per row of the file.
            StagedRows.Found twice = stagedRows.duplicates();
            if (twice.count() > 0) {
                errors = java.util.stream.Stream.concat(errors.stream(), twice.first().stream())
                        .sorted(java.util.Comparator.comparingLong(ImportReport.RowError::row))
                        .limit(ServerImport.MAX_REPORTED_ERRORS)
                        .toList();
                errorCount += twice.count();
            }
        }
        if (errorCount == 0 && (refused || (!upsert && request.dryRun()))) {
            StagedRows.Found declared = stagedRows.alreadyDeclared(request.firmId());
            errors = declared.first();
            errorCount = declared.count();
            if (refused && errorCount == 0) {
                throw new IllegalStateException("the direct load was refused, yet no asset tag is twice or declared");
            }
        }
        if (errorCount == 0 && upsert) {
            errors = rewritingThePast(request.firmId());
            errorCount = errors.size();
        }
        if (errorCount > 0 || request.dryRun()) {
            Problem problem =
                    errorCount > 0 ? Problem.of(422, errorCount + " problems found; nothing was imported") : null;
            ImportReport report = new ImportReport(
                    problem,
                    request.dryRun(),
                    request.mode(),
                    staged.rowsRead(),
                    null,
                    null,
                    errorCount,
                    errorCount > errors.size(),
                    errors);
            // Thrown, not returned: the transaction then rolls back whatever the load wrote.
            throw new NothingWritten(new Outcome(errorCount > 0 ? 422 : 200, report));
        }
        long[] written;
        if (direct) {
            written = new long[] {staged.rowsWritten(), 0};
            findings.serversLoaded(request.firmId(), staged.firstId(), staged.lastId());
        } else {
            written = imports.upsert(request.firmId());
            findings.importedServersOf(request.firmId());
        }
        audit.record(
                "servers.imported",
                "server-import",
                request.sha256().substring(0, 32),
                request.firmId(),
                null,
                Map.of(
                        "sha256",
                        request.sha256(),
                        "mode",
                        request.mode(),
                        "rows",
                        staged.rowsRead(),
                        "inserted",
                        written[0],
                        "updated",
                        written[1]));
        return new Outcome(
                200,
                new ImportReport(
                        null, false, request.mode(), staged.rowsRead(), written[0], written[1], 0, false, List.of()));
    }

    /** A dry run's or a failed import's report: its transaction is rolled back, its answer still given. */
    private static final class NothingWritten extends RuntimeException {
        final transient Outcome outcome;

        NothingWritten(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
