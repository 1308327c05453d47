package io.guoziyun.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Builds both overlays with `kubectl kustomize` and fails on any manifest that breaks the suite's rules. */
class ManifestRulesTest {

    static final Path OVERLAYS = Path.of("overlays");

    @Test
    void theDevOverlayHoldsTheRules() throws Exception {
        Manifests dev = Manifests.build(OVERLAYS.resolve("dev"), Set.of());
        List<String> broken = new ArrayList<>();
        broken.addAll(dev.servicesWithoutWorkload());
        broken.addAll(dev.danglingReferences());
        broken.addAll(dev.containersBreakingTheRules());
        broken.addAll(dev.servicesReachableOtherwise());
        broken.addAll(dev.replicasBesideAnAutoscaler());
        broken.addAll(dev.stoppingOrSpreadingBadly());
        assertEquals(List.of(), broken);
        assertEquals(7, dev.podTemplates().size(), "gateway, three services, console, PostgreSQL, Keycloak");
    }

    @Test
    void theProdOverlayHoldsTheRulesAndKeepsNoSecret() throws Exception {
        Manifests prod = Manifests.build(OVERLAYS.resolve("prod"), externalSecrets());
        List<String> broken = new ArrayList<>();
        broken.addAll(prod.servicesWithoutWorkload());
        broken.addAll(prod.danglingReferences());
        broken.addAll(prod.containersBreakingTheRules());
        broken.addAll(prod.servicesReachableOtherwise());
        broken.addAll(prod.literalSecrets());
        broken.addAll(prod.replicasBesideAnAutoscaler());
        broken.addAll(prod.stoppingOrSpreadingBadly());
        for (JsonNode deployment : prod.ofKind("Deployment")) {
            int least = prod.autoscalerOf(deployment)
                    .map(hpa -> hpa.path("spec").path("minReplicas").asInt(1))
                    .orElse(deployment.path("spec").path("replicas").asInt(1));
            if (least < 2) {
                broken.add(Manifests.id(deployment) + " may run fewer than two replicas");
            }
            for (JsonNode container :
                    deployment.path("spec").path("template").path("spec").path("containers")) {
                String image = container.path("image").asText();
                if (!image.contains("@sha256:")
                        && (!image.matches(".+:[^/]+") || image.endsWith(":latest") || image.contains("SNAPSHOT"))) {
                    broken.add(Manifests.id(deployment) + " runs an unpinned image " + image);
                }
            }
        }
        Set<String> issuers =
                prod.ofKind("Issuer").stream().map(Manifests::name).collect(Collectors.toSet());
        for (JsonNode ingress : prod.ofKind("Ingress")) {
            if (ingress.path("spec").path("tls").isEmpty()) {
                broken.add(Manifests.id(ingress) + " has no TLS");
            }
            String issuer = ingress.path("metadata")
                    .path("annotations")
                    .path("cert-manager.io/issuer")
                    .asText();
            if (!issuers.contains(issuer)) {
                broken.add(Manifests.id(ingress) + " names no Issuer of the overlay for its certificate: " + issuer);
            }
        }
        broken.addAll(databasesBreakingTheRules(prod));
        assertEquals(List.of(), broken);
        assertEquals(4, prod.ofKind("Cluster").size(), "one CloudNativePG Cluster per service, and Keycloak's");
        assertEquals(1, prod.ofKind("KeycloakRealmImport").size(), "the realm through the Keycloak operator");
    }

    @Test
    void theProdRealmIsHardenedAndOnlyItIsPublished() throws Exception {
        Manifests prod = Manifests.build(OVERLAYS.resolve("prod"), externalSecrets());
        JsonNode realm = prod.ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
        assertTrue(realm.path("passwordPolicy").asText().contains("length(12)"), "a password policy");
        assertFalse(realm.path("defaultDefaultClientScopes").toString().contains("offline_access"));
        assertFalse(realm.path("defaultOptionalClientScopes").toString().contains("offline_access"));
        assertFalse(realm.path("defaultRole").path("composite").asBoolean(true), "no offline_access by default");
        String flow = realm.path("browserFlow").asText();
        String flows = realm.path("authenticationFlows").toString();
        assertTrue(!flow.isEmpty() && flows.contains("\"" + flow + "\""), "the browser flow is the realm's own");
        assertTrue(flows.contains("auth-otp-form") && flows.contains("conditional-user-role"), "OTP by role");
        assertTrue(realm.path("authenticatorConfig").toString().contains("\"condUserRole\":\"regulator\""));

        JsonNode keycloak = prod.ofKind("Keycloak").get(0).path("spec");
        assertFalse(keycloak.path("ingress").path("enabled").asBoolean(true), "the operator publishes nothing");
        for (JsonNode ingress : prod.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText();
                    boolean keycloakBackend = path.path("backend")
                            .path("service")
                            .path("name")
                            .asText()
                            .startsWith("keycloak");
                    assertTrue(
                            !keycloakBackend || p.startsWith("/realms/guoziyun/") || p.equals("/resources/"),
                            Manifests.id(ingress) + " publishes " + p + " of Keycloak");
                }
            }
        }
    }

    /**
     * Prometheus scrapes every component's management port in prod, and nothing else of theirs; each component
     * sends its traces to the collector; neither without its policy.
     */
    @Test
    void prometheusScrapesEveryComponentsManagementPortAndOnlyThat() throws Exception {
        Manifests prod = Manifests.build(OVERLAYS.resolve("prod"), externalSecrets());
        NetworkPaths.Pod prometheus =
                new NetworkPaths.Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        NetworkPaths net = new NetworkPaths(prod.ofKind("NetworkPolicy"));
        NetworkPaths without = new NetworkPaths(
                prod.without("NetworkPolicy", "prometheus-scrapes-management").ofKind("NetworkPolicy"));
        NetworkPaths withoutTraces = new NetworkPaths(
                prod.without("NetworkPolicy", "traces-to-the-collector").ofKind("NetworkPolicy"));
        NetworkPaths.Pod collector =
                new NetworkPaths.Pod("monitoring", Map.of("app.kubernetes.io/name", "opentelemetry-collector"));
        for (String component : List.of("gateway", "contract-registry", "asset-inventory", "listing-approval")) {
            JsonNode monitor = prod.ofKind("PodMonitor").stream()
                    .filter(m -> Manifests.name(m).equals(component))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no PodMonitor for " + component));
            assertEquals(
                    component,
                    monitor.path("spec")
                            .path("selector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText());
            JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
            assertEquals("management", endpoint.path("port").asText(), component);
            assertEquals("/q/metrics", endpoint.path("path").asText(), component);
            NetworkPaths.Pod pod = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", component));
            assertTrue(net.allows(prometheus, pod, 9000), "Prometheus scrapes " + component);
            if (!component.equals("gateway")) { // the gateway's API is the public entry
                assertFalse(net.allows(prometheus, pod, 8080), "but does not call " + component + "'s API");
            }
            assertFalse(without.allows(prometheus, pod, 9000), component + " is not scraped without the policy");
            assertTrue(net.allows(pod, collector, 4317), component + " sends its traces to the collector");
            assertFalse(
                    withoutTraces.allows(pod, collector, 4317), component + " cannot send traces without the policy");
        }
        JsonNode suite = prod.ofKind("ConfigMap").stream()
                .filter(c -> Manifests.name(c).startsWith("suite"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "false", suite.path("data").path("QUARKUS_OTEL_SDK_DISABLED").asText(), "traces on in prod");
    }

    /**
     * "JSON logs" in the cluster is a setting of an extension: the key must be the one Quarkus reads, and every
     * component must carry the extension (without it the setting is silently ignored, as it once was).
     */
    @Test
    void theClusterGetsJsonLogsFromEveryComponent() throws Exception {
        Manifests dev = Manifests.build(OVERLAYS.resolve("dev"), Set.of());
        JsonNode suite = dev.ofKind("ConfigMap").stream()
                .filter(c -> Manifests.name(c).startsWith("suite"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "true",
                suite.path("data").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText(),
                suite.toString());
        for (String component : List.of("gateway", "contract-registry", "asset-inventory", "listing-approval")) {
            String pom = Files.readString(Path.of("..", component, "pom.xml"));
            assertTrue(
                    pom.contains("<artifactId>quarkus-logging-json</artifactId>"),
                    component + " lacks quarkus-logging-json: its logs would stay text in the cluster");
        }
    }

    @Test
    void healthAndMetricsAreOnAManagementPortThatNoIngressPublishes() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            Manifests built =
                    Manifests.build(OVERLAYS.resolve(overlay), overlay.equals("prod") ? externalSecrets() : Set.of());
            for (JsonNode deployment : built.ofKind("Deployment")) {
                for (JsonNode container :
                        deployment.path("spec").path("template").path("spec").path("containers")) {
                    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        JsonNode get = container.path(probe).path("httpGet");
                        if (get.path("path").asText().startsWith("/q/")) {
                            assertEquals(
                                    "management",
                                    get.path("port").asText(),
                                    Manifests.id(deployment) + " " + probe + " is not on the management port");
                        }
                    }
                }
            }
            for (JsonNode ingress : built.ofKind("Ingress")) {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        JsonNode port = path.path("backend").path("service").path("port");
                        assertFalse(
                                port.path("name").asText().equals("management")
                                        || port.path("number").asInt() == 9080,
                                Manifests.id(ingress) + " publishes a management port");
                    }
                }
            }
        }
    }

    @Test
    void theOperatorManagedPodsCanDoTheirWorkAndCannotWithoutTheirPolicy() throws Exception {
        Manifests prod = Manifests.build(OVERLAYS.resolve("prod"), externalSecrets());
        assertEquals(List.of(), operatorPaths(prod));
        for (String policy : List.of(
                "contract-registry-db-instances",
                "asset-inventory-db-instances",
                "listing-approval-db-instances",
                "keycloak-db-instances",
                "keycloak-cluster",
                "acme-http01-solver")) {
            Manifests without = prod.without("NetworkPolicy", policy);
            assertEquals(
                    prod.ofKind("NetworkPolicy").size() - 1,
                    without.ofKind("NetworkPolicy").size(),
                    policy);
            assertFalse(operatorPaths(without).isEmpty(), "without " + policy + " a path the operators need is closed");
        }
        // The suite's own paths stay as they were.
        NetworkPaths net = new NetworkPaths(prod.ofKind("NetworkPolicy"));
        NetworkPaths.Pod instance = instanceOf("contract-registry-db");
        NetworkPaths.Pod service = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "contract-registry"));
        assertTrue(net.allows(service, instance, 5432), "a service reaches its database");
        assertFalse(net.allows(service, instance, 8000), "but not the instance's status port");
        assertFalse(
                net.allows(instanceOf("asset-inventory-db"), instance, 5432),
                "one Cluster's instances do not replicate from another's");
    }

    static NetworkPaths.Pod instanceOf(String cluster) {
        return NetworkPaths.Pod.ours(Map.of("cnpg.io/cluster", cluster, "app.kubernetes.io/name", "postgresql"));
    }

    /**
     * Each service and Keycloak on its own CloudNativePG Cluster, read through the Secret the operator makes; each
     * Cluster with resources, a synchronous standby, WAL archived and a nightly base backup.
     */
    static List<String> databasesBreakingTheRules(Manifests prod) {
        List<String> broken = new ArrayList<>();
        Set<String> scheduled = prod.ofKind("ScheduledBackup").stream()
                .map(b -> b.path("spec").path("cluster").path("name").asText())
                .collect(Collectors.toSet());
        for (JsonNode cluster : prod.ofKind("Cluster")) {
            JsonNode spec = cluster.path("spec");
            String id = Manifests.id(cluster);
            if (spec.path("resources").path("limits").path("memory").isMissingNode()) {
                broken.add(id + " has no memory limit (BestEffort pods are the first evicted)");
            }
            if (spec.path("postgresql").path("synchronous").path("number").asInt(0) < 1
                    || spec.path("instances").asInt(1) < 3) {
                broken.add(id + " may acknowledge a commit that only one instance holds");
            }
            if (spec.path("backup")
                    .path("barmanObjectStore")
                    .path("destinationPath")
                    .asText()
                    .isEmpty()) {
                broken.add(id + " archives no WAL");
            }
            if (!scheduled.contains(Manifests.name(cluster))) {
                broken.add(id + " has no scheduled base backup");
            }
        }
        for (String service : Manifests.SERVICES) {
            JsonNode deployment = prod.ofKind("Deployment").stream()
                    .filter(d -> Manifests.name(d).equals(service))
                    .findFirst()
                    .orElseThrow();
            for (JsonNode env : deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env")) {
                String secret =
                        env.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_")
                        && !secret.equals(service + "-db-app")) {
                    broken.add(service + " reads " + env.path("name").asText() + " from " + secret
                            + ", not from its own Cluster's Secret " + service + "-db-app");
                }
            }
        }
        return broken;
    }

    @Test
    void theGatewayIngressHasAClassTheGatewaysBodyLimitAndOnlyThePublicPaths() throws Exception {
        String limit = Files.readAllLines(Path.of("../gateway/src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith("quarkus.http.limits.max-body-size="))
                .map(line -> line.substring(line.indexOf('=') + 1).trim().toLowerCase())
                .findFirst()
                .orElseThrow();
        for (String overlay : List.of("dev", "prod")) {
            Manifests built = Manifests.build(OVERLAYS.resolve(overlay), externalSecrets());
            JsonNode ingress = built.ofKind("Ingress").stream()
                    .filter(i -> Manifests.name(i).equals("gateway"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText(), overlay);
            assertEquals(
                    limit,
                    ingress.path("metadata")
                            .path("annotations")
                            .path("nginx.ingress.kubernetes.io/proxy-body-size")
                            .asText(),
                    overlay + ": the controller takes what the gateway takes");
            Set<String> paths = new java.util.TreeSet<>();
            ingress.path("spec")
                    .path("rules")
                    .forEach(rule -> rule.path("http")
                            .path("paths")
                            .forEach(p -> paths.add(p.path("path").asText())));
            assertEquals(Set.of("/api", "/openapi", "/q/swagger-ui", "/console"), paths, overlay);
        }
    }

    /**
     * The gateway believes forwarded headers from its trusted proxies: only the ingress controller may connect, or a
     * pod of the cluster could claim any client address and host.
     */
    @Test
    void onlyTheIngressControllerReachesTheGatewaysPublicPort() throws Exception {
        NetworkPaths.Pod gateway = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "gateway"));
        NetworkPaths.Pod ingress =
                new NetworkPaths.Pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        NetworkPaths.Pod neighbour = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "listing-approval"));
        NetworkPaths.Pod elsewhere = new NetworkPaths.Pod("default", Map.of("app", "anything"));
        for (String overlay : List.of("dev", "prod")) {
            NetworkPaths net = new NetworkPaths(Manifests.build(OVERLAYS.resolve(overlay), externalSecrets())
                    .ofKind("NetworkPolicy"));
            assertTrue(net.allows(ingress, gateway, 8080), overlay + ": ingress controller -> gateway 8080");
            assertFalse(net.allows(neighbour, gateway, 8080), overlay + ": a service pod -> gateway 8080");
            assertFalse(net.allows(elsewhere, gateway, 8080), overlay + ": another namespace -> gateway 8080");
            assertFalse(net.allows(NetworkPaths.Pod.OUTSIDE, gateway, 8080), overlay + ": outside -> gateway 8080");
        }
    }

    /**
     * The console (issue 22): only the gateway reaches it (and Keycloak, for the back-channel sign-out); it reaches
     * the gateway (the API with its user's token) and Keycloak, and no service or database directly.
     */
    @Test
    void onlyTheGatewayReachesTheConsoleAndTheConsoleOnlyTheGatewayAndKeycloak() throws Exception {
        NetworkPaths.Pod console = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "console"));
        NetworkPaths.Pod gateway = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "gateway"));
        NetworkPaths.Pod keycloak = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "keycloak"));
        NetworkPaths.Pod ingress =
                new NetworkPaths.Pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        for (String overlay : List.of("dev", "prod")) {
            NetworkPaths net = new NetworkPaths(Manifests.build(OVERLAYS.resolve(overlay), externalSecrets())
                    .ofKind("NetworkPolicy"));
            assertTrue(net.allows(gateway, console, 8080), overlay + ": gateway -> console");
            assertTrue(net.allows(gateway, console, 9000), overlay + ": gateway -> console's readiness");
            assertTrue(net.allows(keycloak, console, 8080), overlay + ": Keycloak's back-channel sign-out");
            assertTrue(net.allows(console, gateway, 8080), overlay + ": console -> gateway (the API)");
            assertTrue(net.allows(console, keycloak, 8080), overlay + ": console -> Keycloak (code, keys)");
            assertFalse(net.allows(ingress, console, 8080), overlay + ": the ingress goes through the gateway");
            for (String other : List.of("contract-registry", "listing-approval", "postgresql")) {
                NetworkPaths.Pod pod = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", other));
                assertFalse(net.allows(pod, console, 8080), overlay + ": " + other + " -> console");
                assertFalse(
                        net.allows(console, pod, other.equals("postgresql") ? 5432 : 8080),
                        overlay + ": console -> " + other);
            }
        }
    }

    @Test
    void devKeycloakOnAReadOnlyRootHasItsBuildDirectoryWritableAndSeeded() throws Exception {
        JsonNode pod = Manifests.build(OVERLAYS.resolve("dev"), Set.of()).ofKind("Deployment").stream()
                .filter(d -> Manifests.name(d).equals("keycloak"))
                .findFirst()
                .orElseThrow()
                .path("spec")
                .path("template")
                .path("spec");
        JsonNode keycloak = pod.path("containers").get(0);
        assertTrue(
                keycloak.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        String volume = null;
        for (JsonNode mount : keycloak.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/opt/keycloak/lib/quarkus")) {
                volume = mount.path("name").asText();
            }
        }
        assertTrue(volume != null, "start-dev writes /opt/keycloak/lib/quarkus: it must be a volume");
        String seeded = volume;
        assertTrue(
                java.util.stream.StreamSupport.stream(pod.path("initContainers").spliterator(), false)
                        .anyMatch(init -> init.path("command").toString().contains("/opt/keycloak/lib/quarkus")
                                && init.path("volumeMounts").toString().contains("\"" + seeded + "\"")),
                "an empty build directory does not start: an init container copies the image's into it");
    }

    @Test
    void eachNamespaceAdmitsOnlyRestrictedPods() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> namespaces = Manifests.build(OVERLAYS.resolve(overlay), externalSecrets())
                    .ofKind("Namespace");
            assertEquals(1, namespaces.size(), overlay);
            JsonNode labels = namespaces.get(0).path("metadata").path("labels");
            for (String mode : List.of("enforce", "warn", "audit")) {
                assertEquals(
                        "restricted",
                        labels.path("pod-security.kubernetes.io/" + mode).asText(),
                        overlay + " " + mode);
            }
        }
    }

    /** The paths CloudNativePG and the Keycloak operator's pods need; each one closed is named. */
    static List<String> operatorPaths(Manifests manifests) {
        NetworkPaths net = new NetworkPaths(manifests.ofKind("NetworkPolicy"));
        NetworkPaths.Pod operator =
                new NetworkPaths.Pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        NetworkPaths.Pod keycloak = NetworkPaths.Pod.ours(Map.of("app.kubernetes.io/name", "keycloak"));
        NetworkPaths.Pod ingress =
                new NetworkPaths.Pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        List<String> closed = new ArrayList<>();
        Map<String, Boolean> paths = new java.util.LinkedHashMap<>();
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            String name = Manifests.name(cluster);
            NetworkPaths.Pod instance = instanceOf(name);
            paths.put(name + ": CloudNativePG operator -> instance status 8000", net.allows(operator, instance, 8000));
            paths.put(name + ": instance -> instance replication 5432", net.allows(instance, instance, 5432));
            paths.put(name + ": instance -> instance status 8000", net.allows(instance, instance, 8000));
            paths.put(
                    name + ": instance manager -> Kubernetes API and object store 443",
                    net.allows(instance, NetworkPaths.Pod.OUTSIDE, 443));
        }
        NetworkPaths.Pod solver = NetworkPaths.Pod.ours(Map.of("acme.cert-manager.io/http01-solver", "true"));
        paths.put("ingress controller -> ACME HTTP-01 solver 8089", net.allows(ingress, solver, 8089));
        paths.put("Keycloak -> Keycloak JGroups 7800", net.allows(keycloak, keycloak, 7800));
        paths.put("Keycloak -> Keycloak failure detection 57800", net.allows(keycloak, keycloak, 57800));
        paths.put("ingress controller -> Keycloak HTTPS 8443", net.allows(ingress, keycloak, 8443));
        paths.forEach((path, open) -> {
            if (!open) {
                closed.add(path);
            }
        });
        return closed;
    }

    @Test
    void thePolicyAndRealmCopiesAreTheSeedsThemselves() throws IOException {
        Path seeds = Path.of("..", "seeds");
        try (Stream<Path> files = Files.list(seeds.resolve("policy"))) {
            for (Path file : files.toList()) {
                assertEquals(
                        Files.readString(file),
                        Files.readString(Path.of("base", "policy").resolve(file.getFileName())),
                        "k8s/base/policy/" + file.getFileName() + " differs from seeds/policy");
            }
        }
        assertEquals(
                Files.readString(seeds.resolve("keycloak/realm.json")),
                Files.readString(OVERLAYS.resolve("dev/realm.json")),
                "k8s/overlays/dev/realm.json differs from seeds/keycloak/realm.json");
    }

    @Test
    void aManifestThatBreaksARuleIsCaught() throws IOException {
        Manifests bad = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: contract-registry}
                spec:
                  template:
                    metadata: {labels: {app.kubernetes.io/name: contract-registry}}
                    spec:
                      serviceAccountName: nobody
                      containers:
                        - name: app
                          image: x
                          envFrom: [{secretRef: {name: missing}}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: orphan}
                spec: {selector: {app.kubernetes.io/name: nothing}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked}
                stringData: {password: hunter2}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: open}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: contract-registry}}
                  ingress: [{ports: [{port: 8080}]}]
                """, Set.of());
        assertFalse(bad.servicesWithoutWorkload().isEmpty(), "a Service selecting nothing");
        String dangling = String.join("\n", bad.danglingReferences());
        assertTrue(dangling.contains("ServiceAccount nobody") && dangling.contains("Secret missing"), dangling);
        String containers = bad.containersBreakingTheRules().stream().collect(Collectors.joining("\n"));
        for (String expected : List.of(
                "no startupProbe", "no limits.memory", "may run as root", "privilege escalation", "writable root")) {
            assertTrue(containers.contains(expected), expected + " in\n" + containers);
        }
        assertEquals(List.of("Secret/leaked carries a literal value"), bad.literalSecrets());
        String reach = String.join("\n", bad.servicesReachableOtherwise());
        assertTrue(reach.contains("no default-deny") && reach.contains("lets anyone reach contract-registry"), reach);
    }

    /** The Secrets production makes outside the repository, as listed in overlays/prod/external-secrets.yaml. */
    static Set<String> externalSecrets() throws IOException {
        return Files.readAllLines(OVERLAYS.resolve("prod/external-secrets.yaml")).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("- "))
                .map(line -> line.substring(2).split("\\s+")[0])
                .collect(Collectors.toSet());
    }
}
