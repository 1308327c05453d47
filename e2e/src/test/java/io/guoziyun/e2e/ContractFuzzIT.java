package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A property-based run in the manner of Schemathesis, from the published documents alone: every operation of the
 * three services called with parameters drawn from its schema — valid ones, the edges of their ranges, and values
 * just outside (a wrong type, a malformed id, a date out of range) — and bodies that break the schema, as a firm, a
 * regulator and an auditor. Every answer is held to the contract by {@link ApiContractCheck} (status documented,
 * media type, schema); none may be a 5xx. Seeded, so a failure can be run again as it was.
 */
class ContractFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20221001L);
    private static final int DRAWS = Integer.getInteger("fuzz.draws", 6);
    private static final List<String> BODIES = List.of(
            "{}", "[]", "null", "{\"reference\": 42}", "{\"a\": {\"b\": [1, 2, {\"c\": null}]}}", "\"text\"", "{");

    @Test
    void everyOperationKeepsToItsContractWhateverItIsSent() {
        Random random = new Random(SEED);
        Map<String, String> tokens = Map.of(
                "firm", Keycloak.machine("demo-firm-b"),
                "regulator", Keycloak.person("regulator1"),
                "auditor", Keycloak.person("auditor1"));
        long before = ApiContractCheck.CHECKED.get();
        List<String> serverErrors = new ArrayList<>();
        int calls = 0;
        for (String name : List.of("contract-registry", "asset-inventory", "listing-approval")) {
            OpenAPI document = new OpenAPIV3Parser()
                    .readContents(given().when()
                            .get(WalkingSkeletonIT.GATEWAY + "/openapi/" + name)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .getOpenAPI();
            for (var path : document.getPaths().entrySet()) {
                for (var entry : path.getValue().readOperationsMap().entrySet()) {
                    for (int draw = 0; draw < DRAWS; draw++) {
                        for (var token : tokens.entrySet()) {
                            Response answer = call(
                                    path.getKey(), entry.getKey(), entry.getValue(), token.getValue(), random, draw);
                            calls++;
                            if (answer.statusCode() >= 500) {
                                serverErrors.add(entry.getKey() + " " + path.getKey() + " as " + token.getKey() + ": "
                                        + answer.statusCode());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), serverErrors, "5xx answers");
        assertTrue(ApiContractCheck.CHECKED.get() - before >= calls, "every answer was held to the contract");
    }

    private static Response call(
            String template, PathItem.HttpMethod method, Operation operation, String token, Random random, int draw) {
        RequestSpecification request = given().auth().oauth2(token);
        String path = template;
        for (Parameter p : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            String value = value(p.getSchema(), random, draw);
            switch (p.getIn()) {
                case "path" -> path = path.replace("{" + p.getName() + "}", value == null ? "x" : value);
                case "query" -> {
                    if (value != null) {
                        request = request.queryParam(p.getName(), value);
                    }
                }
                case "header" -> {
                    if (value != null && !p.getName().equalsIgnoreCase("Idempotency-Key")) {
                        request = request.header(p.getName(), value);
                    }
                }
                default -> {}
            }
        }
        if (operation.getRequestBody() != null) {
            String type =
                    operation.getRequestBody().getContent().keySet().iterator().next();
            byte[] body = BODIES.get(random.nextInt(BODIES.size())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            request = request.contentType(type).body(body);
        }
        for (int attempt = 0; ; attempt++) {
            Response answer = request.when().request(method.name(), WalkingSkeletonIT.GATEWAY + path);
            if (answer.statusCode() != 429 || attempt == 5) {
                return answer;
            }
            sleep(Long.parseLong(answer.header("Retry-After") == null ? "1" : answer.header("Retry-After")));
        }
    }

    /** A value for a parameter: draw 0 leaves it out, odd draws keep to the schema, even ones stray from it. */
    static String value(Schema<?> schema, Random random, int draw) {
        if (draw == 0 || schema == null) {
            return draw == 0 ? null : "x";
        }
        boolean stray = draw % 2 == 0;
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return stray
                    ? "NOT_" + schema.getEnum().get(0)
                    : String.valueOf(
                            schema.getEnum().get(random.nextInt(schema.getEnum().size())));
        }
        String format = schema.getFormat();
        String type = schema.getType();
        if ("uuid".equals(format)) {
            return stray
                    ? "not-a-uuid-" + random.nextInt(100)
                    : UUID.randomUUID().toString();
        }
        if ("date".equals(format)) {
            return stray
                    ? List.of("2024-02-30", "99999-01-01", "yesterday", "1899-12-31")
                            .get(random.nextInt(4))
                    : LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 8)).toString();
        }
        if ("integer".equals(type)) {
            long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
            long max = schema.getMaximum() == null
                    ? 1000
                    : Math.min(schema.getMaximum().longValue(), 100_000);
            return stray
                    ? List.of(String.valueOf(min - 1), String.valueOf(max + 1), "1.5", "many")
                            .get(random.nextInt(4))
                    : String.valueOf(min + (long) (random.nextDouble() * (max - min)));
        }
        if ("boolean".equals(type)) {
            return stray ? "perhaps" : String.valueOf(random.nextBoolean());
        }
        if (schema.getExample() != null && !stray) {
            return String.valueOf(schema.getExample());
        }
        return stray ? List.of("", " ", "%00", "a".repeat(300), "\u4e2d\u6587").get(random.nextInt(5)) : "CR-3";
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(1000 * Math.max(1, seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
