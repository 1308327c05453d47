package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: one request through the gateway is one trace — the gateway's spans and the service's, and the
 * service's database statements, under the trace id the caller sent (W3C traceparent). `./suite test` runs the
 * suite with tracing on, exporting OTLP to a sink (e2e/OtlpSink.java) that keeps what it receives under
 * .run/otlp; this test reads it.
 */
class TracesIT {

    static final Path SPANS = TwoReplicasIT.RUN.resolve("otlp");

    /** A span as exported, with the service that exported it. */
    record Exported(String service, Span span) {
        String id() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        String parent() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        String attribute(String key) {
            return span.getAttributesList().stream()
                    .filter(a -> a.getKey().equals(key))
                    .map(a -> a.getValue().getStringValue())
                    .findFirst()
                    .orElse("");
        }
    }

    @Test
    void oneRequestThroughTheGatewayIsOneTraceFromTheGatewayToTheDatabase() throws Exception {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String firm = Keycloak.machine("demo-firm-a");
        given().auth()
                .oauth2(firm)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when()
                .get(WalkingSkeletonIT.GATEWAY + "/api/v1/contracts?size=1")
                .then()
                .statusCode(200);

        List<Exported> spans = List.of();
        for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
            spans = exported(traceId);
            if (spans.stream()
                            .anyMatch(s -> s.service().equals("contract-registry")
                                    && !s.attribute("db.system").isEmpty())
                    && spans.stream().anyMatch(s -> s.service().equals("gateway"))) {
                break;
            }
            Thread.sleep(250);
        }
        String seen = spans.stream()
                .map(s ->
                        s.service() + " " + s.span().getKind() + " " + s.span().getName())
                .toList()
                .toString();
        Exported gatewayServer = one(spans, "gateway", Span.SpanKind.SPAN_KIND_SERVER, seen);
        assertEquals("00f067aa0ba902b7", gatewayServer.parent(), "the gateway continues the caller's trace");
        Exported gatewayClient = one(spans, "gateway", Span.SpanKind.SPAN_KIND_CLIENT, seen);
        assertEquals(gatewayServer.id(), gatewayClient.parent(), "the relay is a child of the gateway's request");
        Exported serviceServer = one(spans, "contract-registry", Span.SpanKind.SPAN_KIND_SERVER, seen);
        assertEquals(gatewayClient.id(), serviceServer.parent(), "the service continues the gateway's relay");
        assertTrue(
                spans.stream()
                        .anyMatch(s -> s.service().equals("contract-registry")
                                && s.attribute("db.system").equals("postgresql")),
                "the service's database statements are in the trace: " + seen);
    }

    private static Exported one(List<Exported> spans, String service, Span.SpanKind kind, String seen) {
        List<Exported> found = spans.stream()
                .filter(s -> s.service().equals(service) && s.span().getKind() == kind)
                .toList();
        assertEquals(1, found.size(), service + " " + kind + " in " + seen);
        return found.get(0);
    }

    /** Every span of the trace the sink has received so far. */
    private static List<Exported> exported(String traceId) throws IOException {
        List<Exported> found = new ArrayList<>();
        if (!Files.isDirectory(SPANS)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(SPANS)) {
            files = list.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        for (Path file : files) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(Files.readAllBytes(file));
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(v -> v.getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        if (HexFormat.of()
                                .formatHex(span.getTraceId().toByteArray())
                                .equals(traceId)) {
                            found.add(new Exported(service, span));
                        }
                    }
                }
            }
        }
        return found;
    }
}
