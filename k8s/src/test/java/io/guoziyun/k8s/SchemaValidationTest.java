package io.guoziyun.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of both overlays as a strict API server would read it: custom resources against the pinned
 * operators' CRDs (k8s/crds), everything else against the Kubernetes model. A typo in any manifest fails the run.
 */
class SchemaValidationTest {

    static Schemas schemas;

    @BeforeAll
    static void load() throws Exception {
        schemas = new Schemas(Schemas.CRDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayIsValid(String overlay) throws Exception {
        Manifests built = Manifests.build(
                ManifestRulesTest.OVERLAYS.resolve(overlay),
                overlay.equals("prod") ? ManifestRulesTest.externalSecrets() : Set.of());
        List<String> broken = new ArrayList<>();
        for (JsonNode resource : built.resources) {
            broken.addAll(schemas.violations(resource));
        }
        assertEquals(List.of(), broken);
        assertTrue(built.resources.size() > 30, "the overlay built: " + built.resources.size());
    }

    @Test
    void theKindsOfThePinnedOperatorsAreVendored() {
        for (String kind : List.of(
                "postgresql.cnpg.io/v1/Cluster",
                "postgresql.cnpg.io/v1/ScheduledBackup",
                "k8s.keycloak.org/v2alpha1/Keycloak",
                "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
                "cert-manager.io/v1/Issuer",
                "monitoring.coreos.com/v1/ServiceMonitor",
                "monitoring.coreos.com/v1/PodMonitor")) {
            assertTrue(schemas.customKinds().contains(kind), kind + " in " + schemas.customKinds());
        }
    }

    /** Each mistake a hand-edited manifest makes, in a core object and in a custom resource: what must be named. */
    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("imagePullPolicyy", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: typo}
                        spec:
                          selector: {matchLabels: {a: b}}
                          template:
                            metadata: {labels: {a: b}}
                            spec: {containers: [{name: app, image: x, imagePullPolicyy: Always}]}
                        """),
                Arguments.of("replicas", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: typo}
                        spec: {replicas: "2", selector: {matchLabels: {a: b}}}
                        """),
                Arguments.of("lables", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: typo, lables: {a: b}}
                        """),
                Arguments.of("NetworkPolicyy", """
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicyy
                        metadata: {name: typo}
                        """),
                Arguments.of("instancess", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: typo}
                        spec: {instances: 3, storage: {size: 1Gi}, instancess: 3}
                        """),
                Arguments.of("instances", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: typo}
                        spec: {instances: three, storage: {size: 1Gi}}
                        """),
                Arguments.of("hostnam", """
                        apiVersion: k8s.keycloak.org/v2alpha1
                        kind: Keycloak
                        metadata: {name: typo}
                        spec: {instances: 2, hostname: {hostnam: "https://login.example"}}
                        """),
                Arguments.of("namespacee", """
                        apiVersion: cert-manager.io/v1
                        kind: Issuer
                        metadata: {name: typo, namespacee: x}
                        spec: {selfSigned: {}}
                        """));
    }

    @ParameterizedTest
    @MethodSource("typos")
    void aTypoIsRefusedAndNamed(String named, String yaml) throws Exception {
        JsonNode resource = Manifests.parse(yaml, Set.of()).resources.get(0);
        List<String> found = schemas.violations(resource);
        assertEquals(1, found.size(), "one violation expected, found " + found);
        assertTrue(found.get(0).contains(named), named + " in " + found.get(0));
    }
}
