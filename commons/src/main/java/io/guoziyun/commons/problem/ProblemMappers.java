package io.guoziyun.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.guoziyun.commons.request.AllowedMethods;
import io.guoziyun.problem.DomainException;
import io.guoziyun.problem.Problem;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 answers. Every error a service gives goes through here, so the
 * format is the same everywhere and no exception class name or stack trace ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowed;

    public ProblemMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    /** The one place a domain error becomes an answer; a dependency down also says when to retry. */
    @ServerExceptionMapper
    public Response problem(DomainException e, UriInfo uri) {
        Response.ResponseBuilder answer =
                Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(path(uri)));
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidParameters(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean serverFault = e.getConstraintViolations().stream()
                .flatMap(v -> java.util.stream.StreamSupport.stream(
                        v.getPropertyPath().spliterator(), false))
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
        return serverFault ? unexpected(e, uri) : invalid(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(InputPaths.field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.of(400, "The request is not valid")
                .withInstance(path(uri))
                .withErrors(errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? InputPaths.json(m) : "body";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read " + InputPaths.describe(f.getValue()) + " as "
                    + InputPaths.typeName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + InputPaths.typeName(m.getTargetType());
        } else if (e instanceof DatabindException) {
            message = "cannot read this value";
        } else {
            message = "malformed JSON";
        }
        return respond(Problem.of(400, "The request body is not valid JSON for this operation")
                .withInstance(path(uri))
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                Problem.of(403, "Your role does not permit this operation").withInstance(path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
            if (cause instanceof DomainException problem) {
                return problem(problem, uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder answer = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detailFor(status)).withInstance(path(uri)));
        // Keep the headers that belong to the status, e.g. Allow on 405 (named here when the server did not).
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) == null) {
            String allow = allowed.allowFor(path(uri));
            if (allow != null) {
                answer.header(HttpHeaders.ALLOW, allow);
            }
        }
        return answer.build();
    }

    /**
     * Races settled by the database: a unique key taken by a concurrent request between our check and our insert
     * (409), or a version changed by a concurrent update carrying the same ETag (412).
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (DatabaseDown.is(e)) {
            return DatabaseDown.answer(e, path(uri));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return respond(Problem.of(412, "The resource was changed by another request; read it again and retry")
                        .withInstance(path(uri)));
            }
            if (t instanceof org.hibernate.exception.DataException) {
                return respond(
                        Problem.of(400, "A value is outside what can be stored").withInstance(path(uri)));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind()
                            == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return respond(Problem.of(409, "A record with the same unique key already exists")
                        .withInstance(path(uri)));
            }
        }
        return unexpected(e, uri);
    }

    /** A date so far out (e.g. year +999999999) that date arithmetic on it overflows: the input's fault. */
    @ServerExceptionMapper
    public Response dateOutOfRange(java.time.DateTimeException e, UriInfo uri) {
        return respond(Problem.of(400, "A date is out of the range this service works with")
                .withInstance(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseDown.is(e)) {
            return DatabaseDown.answer(e, path(uri));
        }
        if (connectionClosed(e)) {
            // The caller (the gateway, killed or timed out) hung up while its body was read: no one hears the answer.
            LOG.debugf("The connection closed while %s was read: %s", path(uri), e);
            return respond(Problem.of(400, "The connection closed before the request's body was read")
                    .withInstance(path(uri)));
        }
        LOG.errorf(e, "Unexpected failure answering %s", path(uri));
        return respond(Problem.of(500, "The server failed to answer; the failure is logged")
                .withInstance(path(uri)));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "A valid bearer token is required").withInstance(path(uri)))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource here";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "This media type is not accepted here";
            default -> "The request cannot be answered";
        };
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean connectionClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
