package io.guoziyun.console.page;

import io.guoziyun.console.api.Answer;
import io.guoziyun.console.api.Caller;
import io.guoziyun.console.api.Gateway;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The firms still on third-party contracts past their migration deadline on the as-of date
 * ({@code /contract-findings/overdue-firms}): sorted and sliced by the API a page at a time, as CSV (written page
 * by page as it is read), each firm a link to its page. No page holds more than its own rows.
 */
@Path("/overdue")
@RolesAllowed({"regulator", "auditor"})
@Blocking
public class OverduePage {

    static final int PAGE_SIZE = 50;
    static final int CSV_PAGE = 1000;

    /** The columns: the console's name, the API's sort key, the label, the first direction when chosen. */
    record Column(String name, String key, String label, boolean ascendingFirst, boolean numeric) {}

    static final List<Column> COLUMNS = List.of(
            new Column("firm", "firmId", "Firm", true, false),
            new Column("contracts", "overdueContracts", "Contracts overdue", false, true),
            new Column("days", "maxDaysOverdue", "Days overdue", false, true),
            new Column("provider", "provider", "Provider", true, false));

    private final Template overdue;
    private final Gateway gateway;
    private final Caller caller;

    public OverduePage(@Location("overdue.html") Template overdue, Gateway gateway, Caller caller) {
        this.overdue = overdue;
        this.gateway = gateway;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @QueryParam("asOf") String asOfParam,
            @QueryParam("sort") String sort,
            @QueryParam("dir") String dir,
            @QueryParam("page") Integer page) {
        AsOf asOf = AsOf.of(asOfParam);
        Column column = column(sort);
        boolean ascending = dir == null ? column.ascendingFirst() : dir.equals("asc");
        int current = page == null || page < 1 ? 1 : page;
        Answer answer = slice(caller.token(), asOf, column, ascending, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        long total = answer.total() == null ? answer.list().size() : answer.total();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String base =
                "/console/overdue?asOf=" + asOf + "&sort=" + column.name() + "&dir=" + (ascending ? "asc" : "desc");
        return Pages.page(overdue, "overdue", asOf, caller)
                .data("problem", answer.message())
                .data("rows", answer.list())
                .data("total", total)
                .data("columns", headings(asOf, column, ascending))
                .data("sortLabel", column.label())
                .data("ascending", ascending)
                .data("current", current)
                .data("pages", pages)
                .data(
                        "csv",
                        "/console/overdue/csv?asOf=" + asOf + "&sort=" + column.name() + "&dir="
                                + (ascending ? "asc" : "desc"))
                .data("previous", current > 1 ? base + "&page=" + (current - 1) : null)
                .data("next", current < pages ? base + "&page=" + (current + 1) : null);
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(
            @QueryParam("asOf") String asOfParam, @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        AsOf asOf = AsOf.of(asOfParam);
        Column column = column(sort);
        boolean ascending = dir == null ? column.ascendingFirst() : dir.equals("asc");
        String token = caller.token();
        Answer first = slice(token, asOf, column, ascending, 0, CSV_PAGE);
        if (!first.ok()) {
            return Response.status(first.unavailable() ? 503 : first.status())
                    .type(MediaType.TEXT_PLAIN)
                    .header("Retry-After", first.unavailable() ? "5" : null)
                    .entity(first.message())
                    .build();
        }
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("firmId,overdueContracts,maxDaysOverdue,providers,asOf\r\n");
            Answer slice = first;
            for (int offset = 0; ; ) {
                for (Map<String, Object> row : slice.list()) {
                    w.write(row.get("firmId") + "," + row.get("overdueContracts") + "," + row.get("maxDaysOverdue")
                            + "," + String.join(";", providers(row)) + "," + asOf + "\r\n");
                }
                offset += slice.list().size();
                if (slice.list().size() < CSV_PAGE) {
                    break;
                }
                slice = slice(token, asOf, column, ascending, offset, CSV_PAGE);
                if (!slice.ok()) {
                    w.flush();
                    throw new IOException("the list stopped at row " + offset + ": " + slice.message());
                }
            }
            w.flush();
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"overdue-firms-" + asOf + ".csv\"")
                .build();
    }

    private Answer slice(String token, AsOf asOf, Column column, boolean ascending, int offset, int limit) {
        return Pages.join(gateway.get(
                "contract-registry",
                token,
                "/api/v1/contract-findings/overdue-firms?asOf=" + asOf + "&sort=" + (ascending ? "" : "-")
                        + column.key() + "&offset=" + offset + "&limit=" + limit));
    }

    private static Column column(String name) {
        return COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(COLUMNS.get(2));
    }

    /** Each column's heading: its label, whether sorted and how, and the link that sorts by it (or reverses it). */
    private static List<Map<String, Object>> headings(AsOf asOf, Column sorted, boolean ascending) {
        List<Map<String, Object>> headings = new ArrayList<>();
        for (Column c : COLUMNS) {
            boolean chosen = c.equals(sorted);
            String dir = chosen ? (ascending ? "desc" : "asc") : (c.ascendingFirst() ? "asc" : "desc");
            headings.add(Map.of(
                    "label",
                    c.label(),
                    "numeric",
                    c.numeric(),
                    "ariaSort",
                    chosen ? (ascending ? "ascending" : "descending") : "none",
                    "href",
                    "/console/overdue?asOf=" + asOf + "&sort=" + c.name() + "&dir=" + dir));
        }
        return headings;
    }

    @SuppressWarnings("unchecked")
    static List<String> providers(Map<String, Object> row) {
        return row.get("providers") instanceof List<?> l ? (List<String>) l : List.of();
    }
}
