package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every response of the end-to-end tests to the OpenAPI documents the gateway publishes (the contract firms
 * build on): its status must be documented for the operation, its media type too, and its body must match the
 * schema. A mismatch fails the test that made the call. Registered for every test class (JUnit autodetection).
 * Requests are not checked: the tests send invalid ones on purpose.
 */
public final class ApiContractCheck implements BeforeAllCallback, Filter {

    /** The documents the gateway serves at /openapi/{name}. */
    private static final java.util.List<String> DOCUMENTS =
            java.util.List.of("contract-registry", "asset-inventory", "listing-approval", "gateway");

    private static volatile Map<String, OpenApiInteractionValidator> validators;
    /** How many responses were checked, for the tests that want to show the check ran. */
    static final java.util.concurrent.atomic.AtomicLong CHECKED = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (validators == null) {
            synchronized (ApiContractCheck.class) {
                if (validators == null) {
                    Map<String, OpenApiInteractionValidator> loaded = new LinkedHashMap<>();
                    for (String name : DOCUMENTS) {
                        String document = given().when()
                                .get(WalkingSkeletonIT.GATEWAY + "/openapi/" + name)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString();
                        loaded.put(
                                name,
                                OpenApiInteractionValidator.createForInlineApiSpecification(document)
                                        .withLevelResolver(LevelResolver.create()
                                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                                .build())
                                        .build());
                    }
                    validators = loaded;
                    RestAssured.filters(this);
                }
            }
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext next) {
        Response answer = next.next(request, response);
        URI uri = URI.create(request.getURI());
        String path = uri.getPath();
        OpenApiInteractionValidator validator = validatorFor(uri, path);
        if (validator == null) {
            return answer;
        }
        SimpleResponse.Builder observed = SimpleResponse.Builder.status(answer.getStatusCode())
                .withBody(answer.getBody().asByteArray());
        answer.getHeaders().forEach(h -> observed.withHeader(h.getName(), h.getValue()));
        ValidationReport report =
                validator.validateResponse(path, Request.Method.valueOf(request.getMethod()), observed.build());
        CHECKED.incrementAndGet();
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + path + " answered " + answer.getStatusCode()
                    + " outside the published contract:\n"
                    + report.getMessages().stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
        return answer;
    }

    /** The gateway's API paths only (Keycloak's token endpoint, health, the documents themselves are not). */
    private static OpenApiInteractionValidator validatorFor(URI uri, String path) {
        if (validators == null
                || !WalkingSkeletonIT.GATEWAY.startsWith(uri.getScheme() + "://" + uri.getAuthority())
                || !path.startsWith("/api/")) {
            return null;
        }
        if (path.startsWith("/api/v1/overview")) {
            return validators.get("gateway");
        }
        if (path.startsWith("/api/v1/contract") || path.startsWith("/api/v1/providers")) {
            return validators.get("contract-registry");
        }
        if (path.startsWith("/api/v1/listing-") || path.startsWith("/api/v1/calendar")) {
            return validators.get("listing-approval");
        }
        if (path.startsWith("/api/v1/sites")
                || path.startsWith("/api/v1/servers")
                || path.startsWith("/api/v1/inventory-")) {
            return validators.get("asset-inventory");
        }
        return null;
    }
}
