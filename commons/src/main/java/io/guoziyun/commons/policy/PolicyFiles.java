package io.guoziyun.commons.policy;

import io.guoziyun.commons.csv.CsvRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens a policy data file named in configuration: {@code classpath:policy/x.csv} or a path (a mounted ConfigMap). */
public final class PolicyFiles {

    private PolicyFiles() {}

    public static BufferedReader open(String location) throws IOException {
        InputStream in;
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("not on the class path: " + resource);
            }
        } else {
            in = Files.newInputStream(Path.of(location));
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * The data rows of a policy CSV file: lines starting with {@code #} are its notes (sources, how to extend it),
     * the first other line is the header, which must be {@code header}. A file that breaks this stops the start.
     */
    public static List<CsvRecords.Record> csv(String location, List<String> header) {
        StringBuilder data = new StringBuilder();
        try (BufferedReader lines = open(location)) {
            for (String line; (line = lines.readLine()) != null; ) {
                // Notes are kept out of the CSV, but as empty lines, so record numbers stay the file's lines.
                data.append(line.startsWith("#") ? "" : line).append('\n');
            }
            CsvRecords records = new CsvRecords(new StringReader(data.toString()));
            CsvRecords.Record first = records.next();
            if (first == null
                    || !first.fields().stream().map(String::strip).toList().equals(header)) {
                throw new IllegalStateException("policy file " + location + ": the header must be " + header);
            }
            List<CsvRecords.Record> rows = new ArrayList<>();
            for (CsvRecords.Record row; (row = records.next()) != null; ) {
                if (row.fields().size() != header.size()) {
                    throw new IllegalStateException("policy file " + location + ", line " + row.line() + ": "
                            + row.fields().size() + " fields, expected " + header);
                }
                rows.add(row);
            }
            return rows;
        } catch (CsvRecords.MalformedCsv e) {
            throw new IllegalStateException(
                    "policy file " + location + ", line " + e.line() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + location, e);
        }
    }
}
