package io.guoziyun.problem;

/** A dependency cannot answer now: nothing was changed, and a retry after {@code retryAfterSeconds} may succeed. */
public class Unavailable extends DomainException {

    private final long retryAfterSeconds;

    public Unavailable(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
