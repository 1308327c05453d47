package io.guoziyun.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The versioning policy of /api/v1 (docs/adr/0006-api-versioning.md), checked: each service's document, as this
 * build makes it, against the last release's (docs/api/v1/). An operation may break only if the release before had
 * already announced it ({@code deprecated: true}); anything else breaking fails the build, naming it.
 */
class ApiCompatibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"contract-registry", "asset-inventory", "listing-approval"})
    void nothingBreaksThatWasNotAnnounced(String service) throws IOException {
        String released = Files.readString(Path.of("..", "docs", "api", "v1", service + ".json"));
        String built = Files.readString(Path.of("..", service, "target", "openapi", "openapi.json"));
        assertEquals(List.of(), unannounced(released, built), service + ": breaking changes to /api/v1 not announced");
    }

    @Test
    void aRemovalOrABreakingChangeIsRefusedUnlessTheReleaseBeforeDeprecatedIt() {
        String v1 = document("""
                "/api/v1/a": {"get": {"operationId": "getA", %s "responses": {"200": {"description": "ok",
                  "content": {"application/json": {"schema": {"type": "object",
                    "properties": {"x": {"type": "string"}}}}}}}}},
                "/api/v1/b": {"get": {"operationId": "getB", "responses": {"200": {"description": "ok"}}}}
                """.formatted(""));
        String withoutA = document("""
                "/api/v1/b": {"get": {"operationId": "getB", "responses": {"200": {"description": "ok"}}}}
                """);
        String aWithXANumber = document("""
                "/api/v1/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok",
                  "content": {"application/json": {"schema": {"type": "object",
                    "properties": {"x": {"type": "integer"}}}}}}}}},
                "/api/v1/b": {"get": {"operationId": "getB", "responses": {"200": {"description": "ok"}}}}
                """);
        String aNew = document("""
                "/api/v1/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok",
                  "content": {"application/json": {"schema": {"type": "object",
                    "properties": {"x": {"type": "string"}, "y": {"type": "string"}}}}}}}}},
                "/api/v1/b": {"get": {"operationId": "getB", "responses": {"200": {"description": "ok"}}}},
                "/api/v1/c": {"get": {"operationId": "getC", "responses": {"200": {"description": "ok"}}}}
                """);
        assertEquals(List.of("removed without deprecation: GET /api/v1/a"), unannounced(v1, withoutA));
        assertEquals(
                List.of("changed incompatibly without deprecation: GET /api/v1/a"), unannounced(v1, aWithXANumber));
        assertEquals(List.of(), unannounced(v1, aNew), "additions break nothing");
        String v1Deprecated =
                v1.replace("\"operationId\": \"getA\",", "\"operationId\": \"getA\", \"deprecated\": true,");
        assertEquals(List.of(), unannounced(v1Deprecated, withoutA), "announced, then removed");
    }

    static List<String> unannounced(String released, String built) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, built);
        List<String> found = new ArrayList<>();
        for (Endpoint gone : diff.getMissingEndpoints()) {
            if (!Boolean.TRUE.equals(gone.getOperation().getDeprecated())) {
                found.add("removed without deprecation: " + gone.getMethod() + " " + gone.getPathUrl());
            }
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isChanged() == DiffResult.INCOMPATIBLE
                    && !Boolean.TRUE.equals(changed.getOldOperation().getDeprecated())) {
                found.add("changed incompatibly without deprecation: " + changed.getHttpMethod() + " "
                        + changed.getPathUrl());
            }
        }
        return found;
    }

    private static String document(String paths) {
        return "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {" + paths + "}}";
    }
}
