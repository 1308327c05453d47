package io.guoziyun.commons.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the rest. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> view) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(params.page, params.size));
        long total = paged.count();
        List<T> items = paged.list().stream().map(view).toList();
        return new Page<>(items, params.page, params.size, total, (int) ((total + params.size - 1) / params.size));
    }
}
