package io.guoziyun.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The API, through the gateway, with the signed-in user's own token: the console holds no privilege of its own, so
 * every rule (roles, four eyes, firm scoping, audit) is the services'. Calls run side by side where a page needs
 * several; each is bounded in time, and a service that does not answer is reported as unavailable.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final ObjectMapper json;

    public Gateway(
            @ConfigProperty(name = "console.gateway-url") URI base,
            @ConfigProperty(name = "console.api-timeout", defaultValue = "PT10S") Duration timeout,
            ObjectMapper json) {
        this.base = base;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GET {@code pathAndQuery} (e.g. {@code /api/v1/overview?asOf=2022-10-01}) as JSON. */
    public CompletableFuture<Answer> get(String service, String token, String pathAndQuery) {
        HttpRequest request = request(token, pathAndQuery).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> answer(service, response, failure));
    }

    /** POST a JSON body; {@code ifMatch} (the ETag the page was rendered with) when known. */
    public Answer post(String service, String token, String path, Map<String, Object> body, String ifMatch) {
        try {
            HttpRequest.Builder request = request(token, path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (ifMatch != null && !ifMatch.isBlank()) {
                request.header("If-Match", ifMatch);
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> answer(service, response, failure))
                    .join();
        } catch (IOException e) {
            return Answer.none(service, e.getMessage());
        }
    }

    /** A download, streamed (documents, CSV): the caller closes the body. */
    public HttpResponse<InputStream> stream(String token, String pathAndQuery) throws IOException {
        try {
            return http.send(request(token, pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String token, String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static Long number(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Answer answer(String service, HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null) {
            LOG.debugf("%s did not answer: %s", service, failure.toString());
            return Answer.none(service, null);
        }
        Object body = null;
        String detail = null;
        byte[] bytes = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (bytes.length > 0 && type.contains("json")) {
            try {
                body = json.readValue(bytes, Object.class);
            } catch (IOException e) {
                LOG.debugf("%s answered JSON that does not parse: %s", service, e.getMessage());
            }
        }
        if (body instanceof Map<?, ?> problem && (response.statusCode() >= 400)) {
            Object d = problem.get("detail");
            detail = d == null ? (String) problem.get("title") : String.valueOf(d);
        }
        return new Answer(
                service,
                response.statusCode(),
                body,
                detail,
                response.headers().firstValue("ETag").orElse(null),
                response.headers()
                        .firstValue("X-Total-Count")
                        .map(Gateway::number)
                        .orElse(null));
    }
}
