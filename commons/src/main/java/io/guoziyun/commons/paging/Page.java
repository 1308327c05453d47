package io.guoziyun.commons.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with what a client needs to fetch the rest: {@code next} (the same request with the cursor
 * after the last item), absent on the last page. Totals only when asked for ({@code count=exact}) or on the
 * deprecated {@code page} requests: counting a large list costs what the page itself does not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        List<T> items,

        @Schema(description = "Deprecated: the page number, on requests with page")
        Integer page,

        int size,

        @Schema(description = "The size of the filtered list, with count=exact or page")
        Long totalItems,

        @Schema(description = "Deprecated: pages of this size, on requests with page")
        Integer totalPages,

        @Schema(description = "The cursor of the next page; absent on the last page")
        String nextCursor,

        @Schema(description = "The next page: this request with cursor=nextCursor (a path and query on this host)")
        String next) {

    /** {@code (query, parameters) -> Server.find(query, parameters)}: a lambda, as Panache enhances no method reference. */
    @FunctionalInterface
    public interface Finder<E> {
        PanacheQuery<E> find(String query, Parameters parameters);
    }

    /** The page that {@code params} asks for of the entities {@code where} selects, in {@code order}. */
    public static <E, T> Page<T> of(
            Class<E> entity,
            Conditions where,
            Order order,
            PageParams params,
            Finder<E> finder,
            Function<? super E, T> view) {
        String name = entity.getSimpleName();
        // A bad request (page and cursor both, an altered cursor) is refused before any count is paid for.
        boolean byPageNumber = params.byPageNumber();
        Parameters keyset = new Parameters();
        String after = params.cursor == null ? null : order.after(params.cursor, keyset);
        Long total = params.counted()
                ? finder.find(where.from(name), where.parameters()).count()
                : null;
        if (byPageNumber) {
            List<T> items = finder
                    .find(where.from(name) + " " + order.hql(), where.parameters())
                    .page(io.quarkus.panache.common.Page.of(params.page, params.size))
                    .list()
                    .stream()
                    .map(view)
                    .toList();
            return new Page<>(
                    items,
                    params.page,
                    params.size,
                    total,
                    (int) ((total + params.size - 1) / params.size),
                    null,
                    null);
        }
        if (after != null) {
            where.clause(after);
            keyset.map().forEach(where::parameter);
        }
        List<E> rows = finder.find(where.from(name) + " " + order.hql(), where.parameters())
                .range(0, params.size)
                .list();
        boolean more = rows.size() > params.size;
        List<E> shown = more ? rows.subList(0, params.size) : rows;
        String next = more ? order.cursorAfter(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), null, params.size, total, null, next, null);
    }

    /** This page with its {@code next} link, set from the request by {@link NextLink}. */
    public Page<T> withNext(String link) {
        return new Page<>(items, page, size, totalItems, totalPages, nextCursor, link);
    }
}
