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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regulator's review queue ({@code /listing-applications/queue}), a page at a time by the API's cursor: by
 * stage deadline, the most overdue first. Red once the deadline has passed, amber within three working days.
 */
@Path("/queue")
@RolesAllowed({"regulator", "auditor"})
@Blocking
public class QueuePage {

    static final int PAGE_SIZE = 25;
    private static final Set<String> STAGES =
            Set.of("SUBMITTED", "INITIAL_REVIEW", "MEMBER_UNITS_REVIEW", "SPECIAL_REVIEW", "SUPPLEMENT_REQUESTED");

    private final Template queue;
    private final Gateway gateway;
    private final Caller caller;

    public QueuePage(@Location("queue.html") Template queue, Gateway gateway, Caller caller) {
        this.queue = queue;
        this.gateway = gateway;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @QueryParam("asOf") String asOfParam,
            @QueryParam("stage") String stage,
            @QueryParam("cursor") String cursor) {
        AsOf asOf = AsOf.of(asOfParam);
        StringBuilder query =
                new StringBuilder("/api/v1/listing-applications/queue?asOf=" + asOf + "&size=" + PAGE_SIZE);
        String shownStage = stage != null && STAGES.contains(stage) ? stage : null;
        if (shownStage != null) {
            query.append("&stage=").append(shownStage);
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(Pages.query(cursor));
        }
        Answer answer = Pages.join(gateway.get("listing-approval", caller.token(), query.toString()));
        List<Map<String, Object>> rows =
                answer.items().stream().map(Urgency::of).toList();
        Object next = answer.map().get("nextCursor");
        return Pages.page(queue, "queue", asOf, caller)
                .data("problem", answer.message())
                .data("rows", rows)
                .data("stage", shownStage)
                .data("stages", STAGES.stream().sorted().toList())
                .data(
                        "next",
                        next == null
                                ? null
                                : "/console/queue?asOf=" + asOf + (shownStage == null ? "" : "&stage=" + shownStage)
                                        + "&cursor=" + Pages.query(next.toString()));
    }
}
