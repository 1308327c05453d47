package io.guoziyun.problem;

/** An update came without If-Match. */
public class PreconditionRequired extends DomainException {

    public PreconditionRequired(String detail) {
        super(detail);
    }
}
