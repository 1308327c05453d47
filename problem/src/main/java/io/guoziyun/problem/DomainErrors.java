package io.guoziyun.problem;

import java.util.Map;

/** The one table from a domain error's meaning to its HTTP status. */
public final class DomainErrors {

    private static final Map<Class<? extends DomainException>, Integer> STATUS = Map.ofEntries(
            Map.entry(InvalidInput.class, 400),
            Map.entry(NotPermitted.class, 403),
            Map.entry(NotFound.class, 404),
            Map.entry(StateConflict.class, 409),
            Map.entry(AlreadyExists.class, 409),
            Map.entry(PreconditionFailed.class, 412),
            Map.entry(TooLarge.class, 413),
            Map.entry(UnsupportedMedia.class, 415),
            Map.entry(Unprocessable.class, 422),
            Map.entry(PreconditionRequired.class, 428),
            Map.entry(Unavailable.class, 503));

    private DomainErrors() {}

    /** The status of an error: its own class's, or the nearest ancestor's in the table. */
    static int status(DomainException e) {
        for (Class<?> type = e.getClass(); type != DomainException.class; type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalStateException(e.getClass() + " has no status in DomainErrors");
    }
}
