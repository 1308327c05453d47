package io.guoziyun.problem;

/** The body is larger than the operation accepts. */
public class TooLarge extends DomainException {

    public TooLarge(String detail) {
        super(detail);
    }
}
