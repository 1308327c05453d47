package io.guoziyun.console.page;

import java.util.LinkedHashMap;
import java.util.Map;

/** How pressing an application's statutory deadline is, for the queue and the application page. */
final class Urgency {

    /** Amber within this many working days of the deadline. */
    static final int AMBER_WITHIN = 3;

    private Urgency() {}

    /** An application with its urgency: overdue (red), soon (amber, within three working days) or on time. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> application) {
        Map<String, Object> row = new LinkedHashMap<>(application);
        Object d = application.get("deadline");
        Map<String, Object> deadline = d instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object left = deadline.get("workingDaysLeft");
        boolean overdue = Boolean.TRUE.equals(deadline.get("overdue")) || left instanceof Number n && n.intValue() < 0;
        boolean soon = !overdue && left instanceof Number n && n.intValue() <= AMBER_WITHIN;
        row.put("urgency", overdue ? "overdue" : soon ? "soon" : "");
        row.put("urgencyText", overdue ? "overdue" : soon ? "due soon" : "");
        return row;
    }
}
