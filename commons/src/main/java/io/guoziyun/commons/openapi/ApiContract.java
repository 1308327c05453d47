package io.guoziyun.commons.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes each service's document the contract the server keeps (DESIGN.md, "The OpenAPI documents are the
 * contract"): operation ids of the shared resources named for where they are mounted, patterns anchored as the
 * server matches them (the whole value), every field a response may leave empty marked nullable, and the server
 * named by its public URL. At build (the stored document, the generated client) and again at start.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ApiContract implements OASFilter {

    /** The gateway's public URL, which every document names as its server. */
    public static final String PUBLIC_URL = "guoziyun.public-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String url = ConfigProvider.getConfig()
                .getOptionalValue(PUBLIC_URL, String.class)
                .orElse("http://localhost:8080");
        openAPI.setServers(new ArrayList<>(List.of(
                OASFactory.createServer().url(url).description("The gateway: the one entry point of the suite"))));
        // Every operation needs a token (the few that do not are not in the document).
        openAPI.setSecurity(
                new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme("oidc"))));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .forEach(
                            (path, item) -> item.getOperations().forEach((method, operation) -> name(path, operation)));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> components = openAPI.getComponents().getSchemas();
            java.util.Set<String> requests = requestSchemas(openAPI, components);
            components.forEach((name, schema) -> nullableUnlessRequired(schema, components, requests.contains(name)));
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        schema.setPattern(anchored(schema.getPattern()));
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getSchema() != null) {
            parameter.getSchema().setPattern(anchored(parameter.getSchema().getPattern()));
        }
        return parameter;
    }

    /** The server matches a pattern against the whole value; JSON Schema against any part, unless anchored. */
    static String anchored(String pattern) {
        if (pattern == null) {
            return null;
        }
        if (pattern.equals("\\S")) {
            return "^[\\s\\S]*\\S[\\s\\S]*$"; // @NotBlank: some character other than white space
        }
        String start = pattern.startsWith("^") ? pattern : "^" + pattern;
        return start.endsWith("$") ? start : start + "$";
    }

    /**
     * The shared resources (findings, audit, journal) name their operations by a template: {@code {Resource}} is
     * the path's first segment ({@code contract-findings} → {@code ContractFindings}), {@code {Subject}} the same,
     * singular ({@code sites} → {@code Site}).
     */
    static void name(String path, Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !id.contains("{")) {
            return;
        }
        String[] segments = path.split("/");
        String resource = segments.length > 3 ? camel(segments[3]) : "";
        String subject = resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
        operation.setOperationId(id.replace("{Resource}", resource).replace("{Subject}", subject));
    }

    /**
     * The views are written with every field, null where there is nothing to say: every property that is not
     * required may be null. (Request bodies name their required fields; the others may be left out or null.)
     */
    static void nullableUnlessRequired(Schema schema, Map<String, Schema> components, boolean request) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null && request) {
                return; // a client leaves an optional field out; a named type (an enum) stays one type
            }
            if (property.getRef() != null) {
                // OpenAPI 3.0 cannot say "this $ref, or null" (nullable does not reach into a $ref or an allOf,
                // and validators are right to refuse null there): the referred schema is written out in place.
                String ref = property.getRef();
                Schema referred = components.get(ref.substring(ref.lastIndexOf('/') + 1));
                String description = property.getDescription();
                property.setRef(null);
                if (referred != null) {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>(referred.getAll());
                    copy.putAll(property.getAll());
                    property.setAll(copy);
                    property.setType(referred.getType() == null ? null : new ArrayList<>(referred.getType()));
                }
                if (description != null) {
                    property.setDescription(description);
                }
            }
            orNull(property);
            if (property.getAdditionalPropertiesSchema() != null) {
                orNull(property.getAdditionalPropertiesSchema()); // a map's values may be null too
            }
        });
    }

    /** The schemas a request body names, and the ones they name in turn. */
    private static java.util.Set<String> requestSchemas(OpenAPI openAPI, Map<String, Schema> components) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(op -> {
                        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                            op.getRequestBody().getContent().getMediaTypes().values().stream()
                                    .filter(m -> m.getSchema() != null
                                            && m.getSchema().getRef() != null)
                                    .forEach(m -> todo.add(name(m.getSchema().getRef())));
                        }
                    }));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            Schema schema = components.get(next);
            if (!seen.add(next) || schema == null || schema.getProperties() == null) {
                continue;
            }
            schema.getProperties().values().stream()
                    .filter(p -> p.getRef() != null)
                    .forEach(p -> todo.add(name(p.getRef())));
        }
        return seen;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void orNull(Schema schema) {
        if (schema.getType() == null || !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            schema.addEnumeration(null); // OpenAPI 3.0.3: a nullable enum lists null among its values
        }
    }

    private static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        for (String part : segment.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
