package io.guoziyun.commons.paging;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.Problem;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?size=50&sort=-signedOn,reference&cursor=…}: at most 200 a page, whitelisted sort keys, and the cursor of
 * the previous page's {@code next}; {@code count=exact} adds the total. {@code page} (zero-based, with totals) is the
 * deprecated way, kept for the callers that use it.
 */
public class PageParams {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @Min(0)
    @Max(1_000_000)
    @Parameter(
            deprecated = true,
            description = "Deprecated: a zero-based page number, answered with totalItems and totalPages, at a cost "
                    + "that grows with the list. Use cursor (and count=exact where a total is needed).")
    public Integer page;

    @QueryParam("cursor")
    @Pattern(regexp = "[A-Za-z0-9_~.-]{1,2048}")
    @Parameter(description = "Where the page starts: the nextCursor of the previous page (absent: the first page)")
    public String cursor;

    @QueryParam("count")
    @Pattern(regexp = "exact")
    @Parameter(
            description = "exact: also answer totalItems, the size of the filtered list (a count: slower on a large "
                    + "list than the page itself)")
    public String count;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    @QueryParam("sort")
    public String sort;

    /** Paging by page number (deprecated), not by cursor. */
    public boolean byPageNumber() {
        if (page != null && cursor != null) {
            throw InvalidInput.field("cursor", "either cursor or the deprecated page, not both");
        }
        return page != null;
    }

    public boolean counted() {
        return count != null || page != null;
    }

    /**
     * The order for {@code sort} on {@code entity}, as {@link #toSort}; {@code nullable} names the attributes that
     * may be null (sorted as the largest values).
     */
    public Order order(
            Class<?> entity,
            Map<String, String> allowed,
            String defaultSort,
            String tieBreaker,
            java.util.Set<String> nullable) {
        List<Order.Key> keys = new java.util.ArrayList<>();
        for (Sort.Column column : toSort(allowed, defaultSort, tieBreaker).getColumns()) {
            keys.add(Order.Key.attribute(
                    entity,
                    column.getName(),
                    column.getDirection() == Sort.Direction.Descending,
                    nullable.contains(column.getName())));
        }
        return new Order(keys);
    }

    /**
     * The Panache sort for {@code sort}, where {@code allowed} maps each API name to its entity attribute. The
     * default sort's keys follow the chosen ones (e.g. {@code status} sorts by status, then as by default), and the
     * {@code tieBreaker} attribute (ascending) ends every sort, so pages never overlap or skip. When the first
     * chosen key is descending, the keys that follow it are reversed too: the whole order is then an index's
     * order read backwards, and one index on (key, default keys, tie-breaker) serves both directions.
     */
    public Sort toSort(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        Sort chosen = parse(sort, allowed);
        Sort result = chosen == null ? parse(defaultSort, allowed) : chosen;
        boolean reversed = chosen != null && chosen.getColumns().get(0).getDirection() == Sort.Direction.Descending;
        java.util.Set<String> present = new java.util.HashSet<>();
        result.getColumns().forEach(c -> present.add(c.getName()));
        Sort following = parse(defaultSort, allowed).and(tieBreaker);
        for (Sort.Column column : following.getColumns()) {
            if (present.add(column.getName())) {
                boolean descending = (column.getDirection() == Sort.Direction.Descending) != reversed;
                result.and(column.getName(), descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
            }
        }
        return result;
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
