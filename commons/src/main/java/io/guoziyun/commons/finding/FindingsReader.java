package io.guoziyun.commons.finding;

import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import java.time.LocalDate;

/** What {@link FindingsResource} asks of a service's findings: each in its own read transaction. */
public interface FindingsReader {

    Page<FindingView> list(FindingFilter filter, PageParams page);

    /** Streamed as it is read; a bad filter throws at once. */
    jakarta.ws.rs.core.StreamingOutput exportCsv(FindingFilter filter);

    FindingStatistics statistics(LocalDate asOf);

    /** Open findings by rule at the end of each month from {@code from}'s to {@code asOf}'s. */
    java.util.List<MonthlyCounts.Month> monthly(LocalDate from, LocalDate asOf);
}
