package io.guoziyun.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a real API server would refuse, offline: every custom resource against the {@code openAPIV3Schema} of the
 * pinned operator's CRD vendored under {@code k8s/crds/}, and every other object against the Kubernetes model
 * (fabric8) — in both cases strictly, as {@code kubectl apply --validate=strict} does: an unknown field, a wrong
 * type or an unknown kind is an error, not something pruned in silence.
 */
final class Schemas {

    static final Path CRDS = Path.of("crds");

    /** "group/version/Kind" of every vendored CRD version, and its schema made strict. */
    private final Map<String, Schema> custom = new TreeMap<>();

    private final ObjectMapper strict = strictModelMapper();

    Schemas(Path crds) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(crds)) {
            files = walk.filter(p -> p.toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            for (var it = yaml.readerFor(JsonNode.class).readValues(file.toFile()); it.hasNext(); ) {
                JsonNode crd = (JsonNode) it.next();
                if (crd == null
                        || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema =
                            version.path("schema").path("openAPIV3Schema").deepCopy();
                    // The API server admits these at the root whether the CRD lists them or not (the Keycloak
                    // operator's do not); metadata is checked against the Kubernetes model below.
                    ObjectNode root = schema.withObject("/properties");
                    root.withObject("/apiVersion").put("type", "string");
                    root.withObject("/kind").put("type", "string");
                    root.withObject("/metadata").put("type", "object");
                    custom.put(
                            group + "/" + version.path("name").asText() + "/" + kind,
                            registry.getSchema(strictSchema(schema)));
                }
            }
        }
        if (custom.isEmpty()) {
            throw new IllegalStateException("no CRD under " + crds.toAbsolutePath());
        }
    }

    /** The custom kinds this knows, as "group/version/Kind". */
    java.util.Set<String> customKinds() {
        return custom.keySet();
    }

    /** What a strict API server would refuse in one object: each line names the object, the field and why. */
    List<String> violations(JsonNode resource) {
        String id = Manifests.id(resource);
        String apiVersion = resource.path("apiVersion").asText();
        String key = (apiVersion.contains("/") ? apiVersion : "core/" + apiVersion) + "/"
                + resource.path("kind").asText();
        List<String> found = new ArrayList<>();
        Schema schema = custom.get(key);
        if (schema != null) {
            schema.validate(resource)
                    .forEach(e -> found.add(id + " at " + e.getInstanceLocation() + ": " + e.getMessage()));
            found.addAll(modelViolations(id, resource.path("metadata"), ObjectMeta.class));
            return found;
        }
        found.addAll(modelViolations(id, resource, KubernetesResource.class));
        return found;
    }

    private List<String> modelViolations(String id, JsonNode node, Class<?> type) {
        try {
            Object parsed = strict.treeToValue(node, type);
            if (parsed instanceof GenericKubernetesResource) {
                return List.of(id + ": no schema for " + node.path("apiVersion").asText() + " "
                        + node.path("kind").asText() + " (neither a Kubernetes kind nor a vendored CRD)");
            }
            return List.of();
        } catch (JsonMappingException refused) {
            return List.of(id + " at " + refused.getPathReference() + ": " + refused.getOriginalMessage());
        } catch (IOException | IllegalArgumentException refused) {
            return List.of(id + ": " + refused.getMessage());
        }
    }

    /**
     * The model's classes keep unknown fields in an "any setter" map; without it, and without Jackson's
     * coercions ("2" for 2, 2 for "2", "true" for true), the model refuses what the API server's strict
     * decoding refuses.
     */
    private static ObjectMapper strictModelMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated member) {
                        return Boolean.FALSE;
                    }
                })
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean)) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                if (shape != CoercionInputShape.EmptyString) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /**
     * A CRD's structural schema as JSON Schema draft 4, strict: an object that lists its properties admits no
     * other (unless it says {@code x-kubernetes-preserve-unknown-fields}), {@code nullable} admits null and
     * {@code x-kubernetes-int-or-string} admits either.
     */
    static JsonNode strictSchema(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        for (String nested : List.of("allOf", "anyOf", "oneOf")) {
            node.path(nested).forEach(Schemas::strictSchema);
        }
        strictSchema(node.path("not"));
        strictSchema(node.path("items"));
        for (Iterator<JsonNode> properties = node.path("properties").elements(); properties.hasNext(); ) {
            strictSchema(properties.next());
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            strictSchema(additional);
        }
        boolean open = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && additional == null && !open) {
            node.put("additionalProperties", false);
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            node.remove("type");
            ArrayNode either = node.putArray("anyOf");
            either.addObject().put("type", "integer");
            either.addObject().put("type", "string");
        }
        if (node.path("nullable").asBoolean(false) && node.has("type")) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode();
            types.add(node.get("type")).add("null");
            node.set("type", types);
        }
        node.remove("format"); // int32, int64, byte …: OpenAPI's, not assertions of draft 4
        return node;
    }
}
