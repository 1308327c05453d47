package io.guoziyun.console.api;

import java.util.List;
import java.util.Map;

/**
 * What the API answered to one call: its status, its JSON (maps and lists, as the templates read them), the
 * problem's detail when it refused, its ETag, its X-Total-Count. Status 0: no answer at all (down, refused, timed
 * out).
 */
public record Answer(String service, int status, Object body, String detail, String etag, Long total) {

    static Answer none(String service, String detail) {
        return new Answer(service, 0, null, detail, null, null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The service could not answer (not reached, 502, 503, 504): shown as unavailable, never as zeros. */
    public boolean unavailable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return ok() && body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        return ok() && body instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** The items of a page ({@code {"items": [...]}}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        Object items = map().get("items");
        return items instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** A sentence for the page when the call did not succeed: the service's own words, not its JSON. */
    public String message() {
        if (ok()) {
            return null;
        }
        if (unavailable()) {
            return service + " is unavailable right now" + (detail == null ? "" : " (" + detail + ")")
                    + "; try again in a moment.";
        }
        String why = detail == null ? "" : ": " + detail;
        return switch (status) {
            case 400, 422 -> "The request was refused" + why;
            case 403 -> "Not permitted" + why;
            case 404 -> "Not found" + why;
            case 409 -> "Not possible in the present state" + why;
            case 412 -> "The record changed since this page was loaded; reload it and try again" + why;
            default -> service + " answered " + status + why;
        };
    }
}
