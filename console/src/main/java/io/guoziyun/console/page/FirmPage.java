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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One firm as of a date: its contracts with their renewals and migration plans, its sites and server counts, its
 * findings open and resolved, its listing applications and its audit trail. Each list is a first page of the API's
 * (sizes below); the calls run side by side.
 */
@Path("/firms/{firmId}")
@RolesAllowed({"regulator", "auditor"})
@Blocking
public class FirmPage {

    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    static final int CONTRACTS = 20;
    static final int FINDINGS = 50;
    static final int AUDIT = 30;

    private final Template firm;
    private final Gateway gateway;
    private final Caller caller;

    public FirmPage(@Location("firm.html") Template firm, Gateway gateway, Caller caller) {
        this.firm = firm;
        this.gateway = gateway;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("firmId") String firmId, @QueryParam("asOf") String asOfParam) {
        if (!USCC.matcher(firmId).matches()) {
            throw new NotFoundException();
        }
        AsOf asOf = AsOf.of(asOfParam);
        String t = caller.token();
        String f = "firmId=" + firmId;
        String at = "&asOf=" + asOf;
        var contracts = gateway.get("contract-registry", t, "/api/v1/contracts?" + f + "&size=" + CONTRACTS);
        var sites = gateway.get("asset-inventory", t, "/api/v1/sites?" + f + "&size=50");
        var summary = gateway.get("asset-inventory", t, "/api/v1/inventory-summary?" + f + at);
        var contractFindings =
                gateway.get("contract-registry", t, "/api/v1/contract-findings?" + f + at + "&size=" + FINDINGS);
        var inventoryFindings =
                gateway.get("asset-inventory", t, "/api/v1/inventory-findings?" + f + at + "&size=" + FINDINGS);
        var applications = gateway.get("listing-approval", t, "/api/v1/listing-applications?" + f + at + "&size=20");
        List<CompletableFuture<Answer>> audits = List.of(
                gateway.get("contract-registry", t, "/api/v1/contract-audit?" + f + "&limit=" + AUDIT),
                gateway.get("asset-inventory", t, "/api/v1/inventory-audit?" + f + "&limit=" + AUDIT),
                gateway.get("listing-approval", t, "/api/v1/listing-audit?" + f + "&limit=" + AUDIT));

        Answer c = Pages.join(contracts);
        List<Map<String, Object>> rows = withPlans(t, c.items());
        Answer s = Pages.join(sites);
        Answer sum = Pages.join(summary);
        Answer cf = Pages.join(contractFindings);
        Answer inf = Pages.join(inventoryFindings);
        Answer apps = Pages.join(applications);
        List<Answer> trail = audits.stream().map(Pages::join).toList();
        List<Map<String, Object>> findings = new ArrayList<>(cf.items());
        findings.addAll(inf.items());
        List<Map<String, Object>> entries = new ArrayList<>();
        trail.forEach(a -> entries.addAll(a.list()));
        entries.sort(Comparator.comparing(e -> String.valueOf(e.get("at"))));

        List<Answer> all = new ArrayList<>(List.of(c, s, sum, cf, inf, apps));
        all.addAll(trail);
        return Pages.page(firm, "firm", asOf, caller)
                .data("firmId", firmId)
                .data("problems", Pages.problems(all.toArray(Answer[]::new)))
                .data("contracts", rows)
                .data("moreContracts", c.map().get("next") != null)
                .data("sites", s.items())
                .data("summary", sum.list().isEmpty() ? Map.of() : sum.list().get(0))
                .data("findings", findings)
                .data("moreFindings", cf.map().get("next") != null || inf.map().get("next") != null)
                .data("applications", apps.items())
                .data("audit", entries);
    }

    /** Each contract on the page with its renewals and its migration plan (two calls each, side by side). */
    private List<Map<String, Object>> withPlans(String token, List<Map<String, Object>> contracts) {
        List<CompletableFuture<Answer>> renewals = new ArrayList<>();
        List<CompletableFuture<Answer>> plans = new ArrayList<>();
        for (Map<String, Object> contract : contracts) {
            String path = "/api/v1/contracts/" + contract.get("id");
            renewals.add(gateway.get("contract-registry", token, path + "/renewals"));
            plans.add(gateway.get("contract-registry", token, path + "/migration-plan"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(contracts.get(i));
            Answer r = Pages.join(renewals.get(i));
            row.put("renewals", r.body() instanceof List<?> ? r.list() : r.items());
            Answer p = Pages.join(plans.get(i));
            row.put("plan", p.ok() ? p.map() : null);
            rows.add(row);
        }
        return rows;
    }
}
