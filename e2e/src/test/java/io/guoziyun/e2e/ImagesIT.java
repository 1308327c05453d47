package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The images `./suite images` pushed (Jib, no Docker daemon) are where the manifests expect them, run as uid 185
 * and start the Quarkus application on the runtime and options ./suite uses: checked in the registry's own
 * manifests and image configs.
 */
class ImagesIT {

    static final String REGISTRY = "http://" + System.getProperty("suite.registry", "localhost:5000");
    static final String TAG = "0.1.0-SNAPSHOT";
    static final Path RUN = Path.of(System.getProperty("suite.run", "../.run"));

    @Test
    void eachServicesImageRunsTheAppAsANonRootUser() throws IOException {
        // The JDK ./suite started the components with: the first word of .run/gateway/java, its release file.
        Path java =
                Path.of(Files.readAllLines(RUN.resolve("gateway/java")).get(0).split(" ")[0]);
        String suiteJdk = Files.readAllLines(java.getParent().getParent().resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                .findFirst()
                .orElseThrow();
        for (String service :
                List.of("gateway", "contract-registry", "asset-inventory", "listing-approval", "console")) {
            String digest = given().header(
                            "Accept",
                            "application/vnd.docker.distribution.manifest.v2+json, "
                                    + "application/vnd.oci.image.manifest.v1+json")
                    .when()
                    .get(REGISTRY + "/v2/guoziyun/" + service + "/manifests/" + TAG)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("config.digest");
            // The registry serves blobs as application/octet-stream; the config is JSON.
            JsonPath config = new JsonPath(given().when()
                    .get(REGISTRY + "/v2/guoziyun/" + service + "/blobs/" + digest)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertEquals("185", config.getString("config.User"), service + " runs as");
            List<String> entrypoint = config.getList("config.Entrypoint");
            assertEquals("java", entrypoint.get(0), service + " entrypoint " + entrypoint);
            assertEquals(
                    List.of("-jar", "quarkus-run.jar"),
                    entrypoint.subList(entrypoint.size() - 2, entrypoint.size()),
                    service + " entrypoint " + entrypoint);
            assertEquals("/home/jboss", config.getString("config.WorkingDir"), service);
            // The heap follows the container's memory limit (three quarters), not the JVM's default quarter.
            assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), service + " entrypoint " + entrypoint);
            // The runtime is the one ./suite runs the components on (runtime/jvm.conf, ADR 0011), linked into the
            // base under /opt/java, with that JDK's options.
            List<String> env = config.getList("config.Env");
            assertTrue(env.contains("JAVA_HOME=/opt/java"), service + " env " + env);
            assertTrue(env.contains("JAVA_VERSION=" + suiteJdk), service + " env " + env + ", suite " + suiteJdk);
            assertTrue(entrypoint.contains("-XX:+UseSerialGC"), service + " entrypoint " + entrypoint);
            if (Integer.parseInt(suiteJdk.split("[.+-]")[0]) >= 25) {
                assertTrue(entrypoint.contains("-XX:+UseCompactObjectHeaders"), service + " entrypoint " + entrypoint);
            }
        }
    }
}
