package io.guoziyun.seeder;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a run loaded and what it found already there, for the line it prints. */
final class Tally {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String what) {
        add(what, 1);
    }

    void add(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
