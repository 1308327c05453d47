package io.guoziyun.problem;

/** If-Match names a version that is no longer the current one. */
public class PreconditionFailed extends DomainException {

    public PreconditionFailed(String detail) {
        super(detail);
    }
}
