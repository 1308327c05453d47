package io.guoziyun.commons.openapi;

import io.guoziyun.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, on every operation, the problem+json answers that the shared behaviour gives (authentication,
 * roles, validation, firm scoping, idempotency, ETags), so no operation's error list can be forgotten.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
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
        if (method == PathItem.HttpMethod.POST) {
            answers.put("422", "This Idempotency-Key was already used for a different request");
        }
        if (method == PathItem.HttpMethod.PUT) {
            answers.put("412", "If-Match does not name the current version (ETag)");
            answers.put("428", "If-Match is required");
        }
        answers.put("500", "The server failed; the failure is logged under the request id");
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            if (responses.hasAPIResponse(answer.getKey())) {
                continue;
            }
            MediaType problem = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("Problem"));
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
            responses.addAPIResponse(
                    answer.getKey(),
                    OASFactory.createAPIResponse()
                            .description(answer.getValue())
                            .content(content));
        }
    }
}
