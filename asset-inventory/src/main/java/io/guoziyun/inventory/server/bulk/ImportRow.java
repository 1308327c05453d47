package io.guoziyun.inventory.server.bulk;

import io.guoziyun.inventory.server.Acquisition;
import io.guoziyun.inventory.server.ServerFields;
import io.guoziyun.inventory.server.ServerStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** One server of an import file, checked field by field with the same rules as the JSON API. */
record ImportRow(
        long row,
        String assetTag,
        String serial,
        String hostname,
        String vendor,
        String model,
        String siteCode,
        Acquisition acquisition,
        LocalDate acquiredOn,
        ServerStatus status) {

    static final List<String> COLUMNS = List.of(
            "assetTag", "serial", "hostname", "vendor", "model", "siteCode", "acquisition", "acquiredOn", "status");

    private static final Pattern ASSET_TAG = Pattern.compile(ServerFields.ASSET_TAG);
    private static final Pattern TEXT = Pattern.compile(ServerFields.TEXT);
    private static final Pattern HOSTNAME = Pattern.compile(ServerFields.HOSTNAME);
    private static final Pattern SITE_CODE = Pattern.compile(ServerFields.SITE_CODE);

    /** Checks one record; reports each problem and answers null when there was any. */
    static ImportRow check(
            long row, Map<String, String> cells, Set<String> siteCodes, Consumer<ImportReport.RowError> errors) {
        Checker c = new Checker(row, cells, errors);
        if (cells.containsKey("_columns")) {
            c.error(null, null, "the row has " + cells.get("_columns"));
        }
        if (cells.containsKey("_json")) {
            c.error(null, null, cells.get("_json"));
        }
        if (cells.containsKey("_unknown")) {
            c.error(cells.get("_unknown"), null, "unknown field; the fields are " + COLUMNS);
        }
        String assetTag = c.required("assetTag", ASSET_TAG, 64, "1–64 letters, digits, . _ / -");
        String serial = c.optional("serial", TEXT, 128, "at most 128 characters, no control characters");
        String hostname = c.optional("hostname", HOSTNAME, 253, "a host name");
        String vendor = c.optional("vendor", TEXT, 128, "at most 128 characters, no control characters");
        String model = c.optional("model", TEXT, 128, "at most 128 characters, no control characters");
        String siteCode = c.optional("siteCode", SITE_CODE, 32, "a site code");
        if (siteCode != null && !siteCodes.contains(siteCode)) {
            c.error("siteCode", siteCode, "no site " + siteCode + " is declared by this firm");
        }
        Acquisition acquisition = c.enumValue("acquisition", Acquisition.class, true);
        LocalDate acquiredOn = c.date("acquiredOn");
        ServerStatus status = c.enumValue("status", ServerStatus.class, false);
        if (status == null && !c.failed) {
            status = ServerStatus.ACTIVE;
        }
        if (status != null && !status.declarationNeeds(null, null, acquiredOn).isEmpty()) {
            c.error(
                    "status",
                    status.name(),
                    "an import sets PLANNED or ACTIVE; " + status + " needs its date and evidence: declare the"
                            + " server with POST /api/v1/servers (statusOn, evidence) or move it with"
                            + " POST /api/v1/servers/{id}/status");
        }
        return c.failed
                ? null
                : new ImportRow(
                        row, assetTag, serial, hostname, vendor, model, siteCode, acquisition, acquiredOn, status);
    }

    private static final class Checker {
        final long row;
        final Map<String, String> cells;
        final Consumer<ImportReport.RowError> errors;
        boolean failed;

        Checker(long row, Map<String, String> cells, Consumer<ImportReport.RowError> errors) {
            this.row = row;
            this.cells = cells;
            this.errors = errors;
        }

        void error(String column, String value, String message) {
            failed = true;
            String shown = value == null || value.length() <= 80 ? value : value.substring(0, 80) + "…";
            errors.accept(new ImportReport.RowError(row, column, shown, message));
        }

        String value(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String required(String column, Pattern shape, int max, String rule) {
            String v = value(column);
            if (v == null) {
                error(column, null, "required");
                return null;
            }
            return shaped(column, v, shape, max, rule);
        }

        String optional(String column, Pattern shape, int max, String rule) {
            String v = value(column);
            return v == null ? null : shaped(column, v, shape, max, rule);
        }

        private String shaped(String column, String v, Pattern shape, int max, String rule) {
            if (v.length() > max || !shape.matcher(v).matches()) {
                error(column, v, rule);
                return null;
            }
            return v;
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type, boolean required) {
            String v = value(column);
            if (v == null) {
                if (required) {
                    error(column, null, "required");
                }
                return null;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                error(column, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        LocalDate date(String column) {
            String v = value(column);
            if (v == null) {
                error(column, null, "required");
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(column, v, "a date (YYYY-MM-DD)");
                return null;
            }
        }
    }
}
