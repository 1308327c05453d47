package io.guoziyun.problem;

import java.util.List;

/** The body is not (or its bytes are not) in a media type the operation accepts. */
public class UnsupportedMedia extends DomainException {

    public UnsupportedMedia(String detail, List<Problem.FieldError> errors) {
        super(detail, errors);
    }
}
