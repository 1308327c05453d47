package io.guoziyun.inventory.server.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.guoziyun.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did or would do. When it fails it is also an RFC 9457 problem: the problem's members (type, title,
 * status, detail) stand at the top of the report, and {@code errors} lists every row's errors at once; nothing was
 * written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServerImportReport")
public record ImportReport(
        @JsonUnwrapped @Schema(description = "Only when nothing was imported")
        Problem problem,

        boolean dryRun,
        String mode,
        long rowsRead,
        Long inserted,
        Long updated,
        long errorCount,

        @Schema(description = "True when more errors were found than are listed")
        boolean errorsTruncated,

        List<RowError> errors) {

    /** {@code row} is the line of the file where the record starts (the CSV header is line 1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportRowError")
    public record RowError(long row, String column, String value, String message) {}
}
