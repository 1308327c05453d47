package io.guoziyun.commons.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path of the service answers, read once from its resources: what a 405 names in {@code Allow}
 * and what {@code OPTIONS} answers (RFC 9110 §15.5.6), the same as the OpenAPI document says.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET",
            POST.class, "POST",
            PUT.class, "PUT",
            DELETE.class, "DELETE",
            PATCH.class, "PATCH",
            HEAD.class, "HEAD");

    private record Route(Pattern path, Set<String> methods) {}

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        Map<String, Set<String>> byTemplate = new java.util.TreeMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                for (var verb : VERBS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = join(root.value(), sub == null ? "" : sub.value());
                        byTemplate
                                .computeIfAbsent(template, t -> new TreeSet<>())
                                .add(verb.getValue());
                    }
                }
            }
        }
        byTemplate.forEach((template, methods) -> {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            routes.add(new Route(Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")), methods));
        });
    }

    /** {@code GET, HEAD, OPTIONS, PUT} for the path, or null when no resource answers it. */
    public String allowFor(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(normalized).matches()) {
                methods.addAll(route.methods());
            }
        }
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
