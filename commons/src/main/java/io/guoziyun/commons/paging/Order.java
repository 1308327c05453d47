package io.guoziyun.commons.paging;

import io.guoziyun.problem.InvalidInput;
import io.quarkus.panache.common.Parameters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A list's order, key by key, ending on a unique key, nulls sorting as the largest values (PostgreSQL's default:
 * last ascending, first descending, so that an index read backwards serves the descending order): it renders the
 * {@code order by}, and the keyset condition "after this row" that a cursor stands for. The condition starts with
 * a bound on the first key where it can ({@code a >= :k0}), so that an index on the keys starts the scan at the
 * cursor instead of at the first row: a page costs the same at any depth.
 */
public final class Order {

    /**
     * One key: an HQL expression on the entity, its direction, whether it may be null, its Java type (for the
     * cursor) and how to read its value from a row.
     */
    public record Key(String hql, boolean descending, boolean nullable, Class<?> type, Function<Object, Object> value) {

        /**
         * An attribute of the entity, read through the accessor Panache generates for its public field (the field
         * itself is made private when the entity is enhanced).
         */
        public static Key attribute(Class<?> entity, String attribute, boolean descending, boolean nullable) {
            String getter = "get" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
            java.lang.reflect.Method method;
            try {
                method = entity.getMethod(getter);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(entity.getSimpleName() + " has no accessor " + getter, e);
            }
            return new Key(attribute, descending, nullable, method.getReturnType(), row -> {
                try {
                    return method.invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static final String NULL = "~";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<Key> keys;

    public Order(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** {@code order by k1 asc nulls last, k2 desc nulls first, …}. */
    public String hql() {
        return keys.stream()
                .map(k -> k.hql() + (k.descending() ? " desc nulls first" : " asc nulls last"))
                .collect(Collectors.joining(", ", "order by ", ""));
    }

    /** The cursor that continues after {@code row}: the order's signature and the row's key values. */
    public String cursorAfter(Object row) {
        StringBuilder cursor = new StringBuilder(signature());
        for (Key key : keys) {
            Object value = key.value().apply(row);
            cursor.append('.')
                    .append(
                            value == null
                                    ? NULL
                                    : ENCODER.encodeToString(
                                            String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        return cursor.toString();
    }

    /** The HQL condition "after the row of {@code cursor}", its parameters added to {@code parameters}. */
    public String after(String cursor, Parameters parameters) {
        List<Object> values = decode(cursor);
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            Object value = values.get(i);
            String name = "cursor" + i;
            if (value != null) {
                parameters.and(name, value);
            }
            String beyond = beyond(key, value, name);
            if (beyond != null) {
                List<String> terms = new ArrayList<>(equalSoFar);
                terms.add(beyond);
                alternatives.add("(" + String.join(" and ", terms) + ")");
            }
            equalSoFar.add(value == null ? key.hql() + " is null" : key.hql() + " = :" + name);
        }
        String condition = alternatives.isEmpty() ? "1 = 0" : String.join(" or ", alternatives);
        Key first = keys.get(0);
        if (values.get(0) != null && !first.nullable()) {
            condition = first.hql() + (first.descending() ? " <= " : " >= ") + ":cursor0 and (" + condition + ")";
        }
        return "(" + condition + ")";
    }

    /**
     * Strictly after {@code value} on this key, nulls the largest: ascending, nulls come after every value and
     * nothing after a null; descending, nulls come first and every value after them. Null when nothing does.
     */
    private static String beyond(Key key, Object value, String name) {
        if (value == null) {
            return key.descending() ? key.hql() + " is not null" : null;
        }
        if (key.descending()) {
            return key.hql() + " < :" + name;
        }
        String strict = key.hql() + " > :" + name;
        return key.nullable() ? "(" + strict + " or " + key.hql() + " is null)" : strict;
    }

    private List<Object> decode(String cursor) {
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != keys.size() + 1 || !parts[0].equals(signature())) {
            throw invalid();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String part = parts[i + 1];
            try {
                values.add(
                        NULL.equals(part)
                                ? null
                                : parse(keys.get(i).type(), new String(DECODER.decode(part), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw invalid();
            }
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        } else if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        } else if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        } else if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        throw new IllegalStateException("no cursor for a key of type " + type);
    }

    /** A short digest of the keys: a cursor of another order (another sort) is refused, not misread. */
    private String signature() {
        String spec =
                keys.stream().map(k -> k.hql() + (k.descending() ? "-" : "+")).collect(Collectors.joining(","));
        return Integer.toHexString(spec.hashCode());
    }

    private static InvalidInput invalid() {
        return InvalidInput.field("cursor", "the cursor of this list's 'next', unchanged, with the same sort");
    }
}
