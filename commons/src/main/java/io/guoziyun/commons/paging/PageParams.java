package io.guoziyun.commons.paging;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.Problem;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;

/** {@code ?page=0&size=50&sort=-signedOn,reference}: zero-based page, at most 200 a page, whitelisted sort keys. */
public class PageParams {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    @QueryParam("sort")
    public String sort;

    /**
     * The Panache sort for {@code sort}, where {@code allowed} maps each API name to its entity attribute. The
     * {@code tieBreaker} attribute ends every sort, so pages never overlap or skip.
     */
    public Sort toSort(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        Sort result = parse(sort, allowed);
        return (result == null ? parse(defaultSort, allowed) : result).and(tieBreaker);
    }

    private static Sort parse(String spec, Map<String, String> allowed) {
        Sort result = null;
        for (String part : spec == null ? new String[0] : spec.split(",")) {
            String key = part.trim();
            if (key.isEmpty()) {
                continue;
            }
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            String attribute = allowed.get(name);
            if (attribute == null) {
                throw new InvalidInput(
                        "Cannot sort by '" + name + "'",
                        List.of(new Problem.FieldError("sort", "one of " + allowed.keySet() + ", '-' for descending")));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
        }
        return result;
    }
}
