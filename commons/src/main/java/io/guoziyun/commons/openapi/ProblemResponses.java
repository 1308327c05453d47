package io.guoziyun.commons.openapi;

import io.guoziyun.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, on every operation, the problem+json answers that the shared behaviour gives (authentication,
 * roles, validation, firm scoping, idempotency, ETags), so no operation's error list can be forgotten.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                document(path, entry.getKey(), entry.getValue());
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        boolean body = operation.getRequestBody() != null;
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("400", "Invalid parameters or body; `errors` names each offending field");
        answers.put("401", "No bearer token, or one that is expired, wrongly signed or for another audience");
        answers.put("403", "The caller's role does not permit this operation");
        if (path.contains("{")) {
            answers.put("404", "No such resource, or it belongs to another firm");
        }
        answers.put("406", "The Accept header asks for a media type this operation cannot give");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            answers.put("409", "The change conflicts with the resource's state or an existing record");
            answers.put("415", "The body is not in a media type this operation accepts");
        }
        if (ifMatch) {
            answers.put("412", "If-Match does not name the current version (ETag)");
        }
        if (body) {
            answers.put("413", "The body is larger than the gateway or the service accepts for this operation");
        }
        if (method == PathItem.HttpMethod.POST) {
            answers.put("422", "This Idempotency-Key was already used for a different request");
        }
        if (method == PathItem.HttpMethod.PUT) {
            answers.put("428", "If-Match is required");
        }
        answers.put("429", "Too many requests from this client; Retry-After says when to try again (the gateway)");
        answers.put("500", "The server failed; the failure is logged under the request id");
        answers.put(
                "503",
                "A service or a dependency is not answering; nothing was changed; Retry-After says when to try again");
        answers.put("504", "The service did not answer in time (the gateway)");
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            APIResponse existing = responses.getAPIResponse(answer.getKey());
            if (existing != null && existing.getContent() != null) {
                continue;
            }
            MediaType problem = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("Problem"));
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
            APIResponse response = OASFactory.createAPIResponse()
                    .description(
                            existing != null && existing.getDescription() != null
                                    ? existing.getDescription()
                                    : answer.getValue())
                    .content(content);
            if (answer.getKey().equals("429") || answer.getKey().equals("503")) {
                response.addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds to wait before trying again")
                                .schema(OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.INTEGER))
                                        .minimum(java.math.BigDecimal.ZERO)));
            }
            responses.addAPIResponse(answer.getKey(), response);
        }
    }

    /** The {@link Problem} record as a schema, for a document whose operations never name it themselves. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text)
                .addProperty("message", text);
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(fieldError))
                .addProperty(
                        "allowedActions",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(text)
                                .description(
                                        "On a 409 from a workflow: the actions the resource allows in its present state"));
    }
}
