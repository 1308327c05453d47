package io.guoziyun.console.page;

import io.guoziyun.console.api.Answer;
import io.guoziyun.console.api.Caller;
import io.guoziyun.console.api.Gateway;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One application in review: its stage and statutory deadline, the compliance gate's snapshots, its documents with
 * their SHA-256, and the steps the API allows the signed-in regulator now. A step is the API's: the console sends it
 * with the user's token and the ETag the page was rendered with, so the four eyes, the gate and a concurrent change
 * are the service's to refuse; a refusal is shown as its sentence, not as JSON.
 */
@Path("/applications/{id}")
@RolesAllowed({"regulator", "auditor"})
@Blocking
public class ApplicationPage {

    /** The steps the console offers (the rest stay in the API): the determination and the two-regulator decision. */
    static final List<String> STEPS =
            List.of("determination", "decision-proposal", "decision-confirmation", "decision-rejection");

    private final Template application;
    private final Gateway gateway;
    private final Caller caller;

    public ApplicationPage(@Location("application.html") Template application, Gateway gateway, Caller caller) {
        this.application = application;
        this.gateway = gateway;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(
            @PathParam("id") UUID id, @QueryParam("asOf") String asOfParam, @QueryParam("done") String done) {
        AsOf asOf = AsOf.of(asOfParam);
        return Response.ok(render(id, asOf, done == null ? null : "Done: " + done.replace('-', ' ') + ".", null))
                .build();
    }

    @POST
    @Path("/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response step(
            @PathParam("id") UUID id,
            @PathParam("step") String step,
            @FormParam("asOf") String asOfParam,
            @FormParam("etag") String etag,
            @FormParam("reviewRequired") String reviewRequired,
            @FormParam("departureReason") String departureReason,
            @FormParam("outcome") String outcome,
            @FormParam("reason") String reason) {
        if (!STEPS.contains(step)) {
            throw new NotFoundException();
        }
        AsOf asOf = AsOf.of(asOfParam);
        Map<String, Object> body = new LinkedHashMap<>();
        switch (step) {
            case "determination" -> {
                body.put("reviewRequired", reviewRequired == null ? null : Boolean.valueOf(reviewRequired));
                body.put("reason", reason);
                if (departureReason != null && !departureReason.isBlank()) {
                    body.put("departureReason", departureReason);
                }
            }
            case "decision-proposal" -> {
                body.put("outcome", outcome);
                body.put("reasons", reason);
            }
            default -> body.put("reason", reason);
        }
        Answer answer = gateway.post(
                "listing-approval", caller.token(), "/api/v1/listing-applications/" + id + "/" + step, body, etag);
        if (answer.ok()) {
            return Response.seeOther(URI.create("applications/" + id + "?asOf=" + asOf + "&done=" + step))
                    .build();
        }
        int status = answer.unavailable() ? 503 : answer.status();
        return Response.status(status)
                .entity(render(id, asOf, null, answer.message()))
                .type(MediaType.TEXT_HTML)
                .build();
    }

    @GET
    @Path("/documents/{documentId}")
    public Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) throws IOException {
        HttpResponse<InputStream> content = gateway.stream(
                caller.token(), "/api/v1/listing-applications/" + id + "/documents/" + documentId + "/content");
        if (content.statusCode() != 200) {
            content.body().close();
            return Response.status(content.statusCode() == 404 ? 404 : 502)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("The document could not be read (listing-approval answered " + content.statusCode() + ")")
                    .build();
        }
        Response.ResponseBuilder answer = Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> {
            try (InputStream in = content.body()) {
                in.transferTo(out);
            }
        });
        for (String header : List.of("Content-Type", "Content-Disposition", "Content-Length", "Digest", "ETag")) {
            content.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
        }
        return answer.build();
    }

    private TemplateInstance render(UUID id, AsOf asOf, String done, String refused) {
        String token = caller.token();
        String path = "/api/v1/listing-applications/" + id;
        var app = gateway.get("listing-approval", token, path + "?asOf=" + asOf);
        var snapshots = gateway.get("listing-approval", token, path + "/snapshots");
        var documents = gateway.get("listing-approval", token, path + "/documents");
        Answer a = Pages.join(app);
        if (a.status() == 404) {
            throw new NotFoundException();
        }
        Answer s = Pages.join(snapshots);
        Answer d = Pages.join(documents);
        Map<String, Object> shown = a.ok() ? Urgency.of(a.map()) : Map.of();
        List<?> allowed = shown.get("allowedActions") instanceof List<?> l ? l : List.of();
        List<String> steps =
                caller.regulator() ? STEPS.stream().filter(allowed::contains).toList() : List.of();
        List<String> elsewhere = allowed.stream()
                .map(String::valueOf)
                .filter(x -> !STEPS.contains(x))
                .toList();
        return Pages.page(application, "application", asOf, caller)
                .data("id", id.toString())
                .data("app", shown)
                .data("etag", a.etag())
                .data("problems", Pages.problems(a, s, d))
                .data("snapshots", s.list())
                .data("documents", d.list())
                .data("steps", steps)
                .data("elsewhere", elsewhere)
                .data("done", done)
                .data("refused", refused);
    }
}
