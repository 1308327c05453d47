package io.guoziyun.problem;

/** The caller's role may call the operation, but not in this case (four eyes: the proposer confirming). */
public class NotPermitted extends DomainException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
