package io.guoziyun.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document, the body of every error answer of the services and the gateway. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "On a 409 from a workflow: the actions the resource allows in its present state")
        List<String> allowedActions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending input: where it is ({@code field} as a JSON path such as {@code endsOn} or {@code body}) and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {}

    /** A problem of this status, titled by its reason phrase. */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", Statuses.title(status), status, detail, null, List.of(), null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, allowedActions);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), allowedActions);
    }

    public Problem withAllowedActions(List<String> actions) {
        return new Problem(
                type, title, status, detail, instance, errors, actions == null ? null : List.copyOf(actions));
    }
}
