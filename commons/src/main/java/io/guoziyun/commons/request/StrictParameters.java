package io.guoziyun.commons.request;

import io.guoziyun.commons.validation.DateBounds;
import io.guoziyun.problem.InvalidInput;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Dates, numbers, ids and enums in query, path and header parameters: a value that does not parse is a 400 naming
 * the parameter, never silently ignored (an {@code asOf} typo must not turn into "today") nor a 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, "a date (YYYY-MM-DD) from 1900 to 2199", value -> {
                LocalDate date = LocalDate.parse(value);
                if (!DateBounds.inBounds(date)) {
                    throw new IllegalArgumentException("out of bounds");
                }
                return date;
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Long::valueOf);
        }
        if (rawType == UUID.class) {
            // JAX-RS answers an unconvertible path or query parameter 404: a malformed id is the client's 400.
            return (ParamConverter<T>) new Converter<>(name, "a UUID", value -> {
                if (value.length() != 36) {
                    throw new IllegalArgumentException("not 36 characters");
                }
                return UUID.fromString(value);
            });
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String expected = "one of " + Arrays.toString(rawType.getEnumConstants());
            return (ParamConverter<T>) new Converter<>(name, expected, value -> Enum.valueOf(type, value));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(String name, String expected, java.util.function.Function<String, T> parse)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new BadRequestException(InvalidInput.field(name, "expected " + expected));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
