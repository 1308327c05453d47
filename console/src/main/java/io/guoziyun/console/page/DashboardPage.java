package io.guoziyun.console.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration at a glance: the overview's figures and, per month since the directive, the contracts still on
 * third-party clouds, those past their migration deadline, new data centres and server purchases. Four calls side
 * by side; a service that does not answer is shown as unavailable, its figures and series left out, never zero.
 */
@Path("/")
@RolesAllowed({"regulator", "auditor"})
@Blocking
public class DashboardPage {

    /** The chart's series: label, source service, the key of its counts. */
    record Series(String label, String service, String key) {}

    static final List<Series> SERIES = List.of(
            new Series("Contracts on third-party clouds", "contract-registry", "thirdPartyContracts"),
            new Series("Past the migration deadline (CR-3)", "contract-registry", "CR-3"),
            new Series("New data centres (AI-1)", "asset-inventory", "AI-1"),
            new Series("Server purchases (AI-2)", "asset-inventory", "AI-2"));

    private final Template dashboard;
    private final Gateway gateway;
    private final Caller caller;
    private final ObjectMapper json;

    public DashboardPage(
            @Location("dashboard.html") Template dashboard, Gateway gateway, Caller caller, ObjectMapper json) {
        this.dashboard = dashboard;
        this.gateway = gateway;
        this.caller = caller;
        this.json = json;
    }

    @GET
    public Response root() {
        return Response.seeOther(URI.create("dashboard")).build();
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("asOf") String asOfParam) throws JsonProcessingException {
        AsOf asOf = AsOf.of(asOfParam);
        String token = caller.token();
        var overview = gateway.get("The overview", token, "/api/v1/overview?asOf=" + asOf);
        var running =
                gateway.get("contract-registry", token, "/api/v1/contract-findings/third-party-contracts?asOf=" + asOf);
        var contracts = gateway.get("contract-registry", token, "/api/v1/contract-findings/monthly?asOf=" + asOf);
        var inventory = gateway.get("asset-inventory", token, "/api/v1/inventory-findings/monthly?asOf=" + asOf);
        Answer o = Pages.join(overview);
        Answer r = Pages.join(running);
        Answer c = Pages.join(contracts);
        Answer i = Pages.join(inventory);

        Map<String, Answer> byService = Map.of("contract-registry", ok(r, c), "asset-inventory", i);
        List<String> months = new ArrayList<>();
        for (Answer answer : List.of(r, c, i)) {
            if (answer.ok() && months.isEmpty()) {
                answer.list().forEach(m -> months.add((String) m.get("month")));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Series s : SERIES) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", s.label());
            line.put("service", s.service());
            Answer source =
                    s.key().equals("thirdPartyContracts") ? r : s.service().equals("asset-inventory") ? i : c;
            line.put("available", byService.get(s.service()).ok());
            line.put("values", source.ok() ? values(source, s.key()) : null);
            series.add(line);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            List<String> cells = new ArrayList<>();
            for (Map<String, Object> line : series) {
                List<?> values = (List<?>) line.get("values");
                cells.add(values == null ? "unavailable" : String.valueOf(values.get(m)));
            }
            rows.add(Map.of("month", months.get(m), "cells", cells));
        }
        Map<String, Object> chart = Map.of("months", months, "series", series);
        return Pages.page(dashboard, "dashboard", asOf, caller)
                .data("overview", o.map())
                .data("overviewProblem", o.message())
                .data("problems", Pages.problems(r, c, i))
                .data("rows", rows)
                .data("series", series)
                .data("chartJson", json.writeValueAsString(chart));
    }

    /** Both contract series come from one service: it counts as available only when both answered. */
    private static Answer ok(Answer a, Answer b) {
        return a.ok() ? b : a;
    }

    private static List<Long> values(Answer answer, String key) {
        List<Long> values = new ArrayList<>();
        for (Map<String, Object> month : answer.list()) {
            Object counts = month.get("counts");
            Object value = counts instanceof Map<?, ?> m ? m.get(key) : null;
            values.add(value instanceof Number n ? n.longValue() : 0L);
        }
        return values;
    }
}
