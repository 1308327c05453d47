import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trace collector for the end-to-end tests, in one file (`java OtlpSink.java PORT DIR`): it accepts OTLP over
 * HTTP (`POST /v1/traces`, protobuf) from the suite's processes and keeps each request's body as a file in DIR,
 * for `TracesIT` to read. Not for production: there, an OpenTelemetry collector receives them.
 */
public class OtlpSink {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", exchange -> { // /v1/traces, wherever the exporter is pointed
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                Path file = dir.resolve(String.format("%019d-%06d.pb", System.nanoTime(), received.incrementAndGet()));
                Files.write(file.resolveSibling(file.getFileName() + ".part"), bytes);
                Files.move(file.resolveSibling(file.getFileName() + ".part"), file);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: everything accepted
            exchange.close();
        });
        server.start();
        System.out.println("OTLP sink on 127.0.0.1:" + port + ", writing to " + dir);
    }
}
