package io.guoziyun.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the NetworkPolicies of a build let through: a connection from one pod to another on a TCP port is allowed
 * when the destination's ingress side and the source's egress side both allow it (only the side in the suite's
 * namespace is checked; the other is not ours). A side is open when no policy of its type selects the pod, and
 * otherwise when some rule of a policy selecting it names the peer (or any peer) and the port (or any port).
 * Peers: podSelector (our namespace), namespaceSelector (by {@code kubernetes.io/metadata.name}), ipBlock (outside).
 */
final class NetworkPaths {

    /** A pod: its namespace (null: the suite's own) and labels. {@link #OUTSIDE} is an address beyond the cluster. */
    record Pod(String namespace, Map<String, String> labels) {
        static final Pod OUTSIDE = new Pod("(outside the cluster)", Map.of());

        static Pod ours(Map<String, String> labels) {
            return new Pod(null, labels);
        }
    }

    private final List<JsonNode> policies;

    NetworkPaths(List<JsonNode> policies) {
        this.policies = policies;
    }

    boolean allows(Pod from, Pod to, int port) {
        return (to.namespace() != null || open(to, from, port, "Ingress", "ingress", "from"))
                && (from.namespace() != null || open(from, to, port, "Egress", "egress", "to"));
    }

    private boolean open(Pod pod, Pod peer, int port, String type, String rules, String peers) {
        boolean isolated = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!spec.path("policyTypes").toString().contains("\"" + type + "\"")
                    || !Manifests.selects(spec.path("podSelector"), pod.labels())) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path(rules)) {
                if (ports(rule.path("ports"), port) && peers(rule.path(peers), peer)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean ports(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (p.path("port").asInt(-1) == port
                    && "TCP".equals(p.path("protocol").asText("TCP"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean peers(JsonNode peers, Pod peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (peer == Pod.OUTSIDE) {
                    return true;
                }
                continue;
            }
            if (peer == Pod.OUTSIDE) {
                continue;
            }
            boolean namespaceMatches = p.has("namespaceSelector")
                    ? Manifests.selects(
                            p.path("namespaceSelector"),
                            Map.of(
                                    "kubernetes.io/metadata.name",
                                    peer.namespace() == null ? "guoziyun" : peer.namespace()))
                    : peer.namespace() == null;
            boolean podMatches = !p.has("podSelector") || Manifests.selects(p.path("podSelector"), peer.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }
}
