package io.guoziyun.seeder;

import io.guoziyun.commons.csv.CsvRecords;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a demo CSV file as maps by column (lines starting with # are notes), read by the suite's reader. */
final class Rows {

    private Rows() {}

    static List<Map<String, String>> of(Path file) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            data.append(line.startsWith("#") ? "" : line).append('\n');
        }
        CsvRecords records = new CsvRecords(new StringReader(data.toString()));
        List<String> header = records.next().fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvRecords.Record r; (r = records.next()) != null; ) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(
                        header.get(i).strip(),
                        i < r.fields().size() ? r.fields().get(i).strip() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The date in a cell, or null when it is empty. */
    static java.time.LocalDate date(String cell) {
        return cell == null || cell.isEmpty() ? null : java.time.LocalDate.parse(cell);
    }
}
