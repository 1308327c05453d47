package io.guoziyun.problem;

/** A record with the same unique key (a reference, a code, a tag) is already there. */
public class AlreadyExists extends DomainException {

    public AlreadyExists(String detail) {
        super(detail);
    }
}
