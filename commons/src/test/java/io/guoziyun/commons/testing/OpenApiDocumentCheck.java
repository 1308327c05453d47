package io.guoziyun.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds a service's OpenAPI document to the house rule: every operation has a summary, states its roles and
 * lists its problem answers. Each service runs it through a {@code @QuarkusTest} subclass.
 */
public abstract class OpenApiDocumentCheck {

    @Test
    @SuppressWarnings("unchecked")
    public void everyOperationStatesItsRolesAndItsProblemAnswers() {
        Map<String, Object> paths = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        assertFalse(paths.isEmpty());
        List<String> gaps = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, value) -> {
                if (!(value instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                    return;
                }
                String where = method.toUpperCase() + " " + path;
                String description = String.valueOf(op.get("description"));
                if (op.get("summary") == null || !description.contains("Role")) {
                    gaps.add(where + ": no summary or no roles");
                }
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                for (String status : List.of("400", "401", "403")) {
                    if (!responses.containsKey(status)) {
                        gaps.add(where + ": no " + status);
                    }
                }
                if (path.contains("{") && !responses.containsKey("404")) {
                    gaps.add(where + ": no 404");
                }
            });
        });
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }

    @Test
    public void policyTextsAreFilledFromThePolicyInForce() {
        String document = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(document.contains("{policy:"), "a {policy:…} placeholder reached the published document");
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyOperationHasAStableNameAndEveryAnswerADescription() {
        Map<String, Object> paths = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        List<String> gaps = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            Object id = op.get("operationId");
            if (!(id instanceof String name) || !name.matches("[a-z][A-Za-z]+")) {
                gaps.add(where + ": no operationId (or not a plain name): " + id);
            } else if (!names.add(name)) {
                gaps.add(where + ": operationId " + name + " is used twice");
            }
            ((Map<String, Object>) op.get("responses")).forEach((status, response) -> {
                if (!(response instanceof Map<?, ?> r) || !(r.get("description") instanceof String d) || d.isBlank()) {
                    gaps.add(where + " " + status + ": no description");
                }
            });
        }));
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }
}
