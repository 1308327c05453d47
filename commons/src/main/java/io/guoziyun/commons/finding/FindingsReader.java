package io.guoziyun.commons.finding;

import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import java.time.LocalDate;

/** What {@link FindingsResource} asks of a service's findings: each in its own read transaction. */
public interface FindingsReader {

    Page<FindingView> list(FindingFilter filter, PageParams page);

    String exportCsv(FindingFilter filter);

    FindingStatistics statistics(LocalDate asOf);
}
