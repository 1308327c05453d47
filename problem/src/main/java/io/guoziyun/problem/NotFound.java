package io.guoziyun.problem;

/** No such resource, or it belongs to another firm (scoping hides it: existence is never leaked). */
public class NotFound extends DomainException {

    public NotFound(String what) {
        super(what + " does not exist");
    }
}
