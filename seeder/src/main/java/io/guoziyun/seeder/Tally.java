package io.guoziyun.seeder;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a run loaded and what it found already there, for the line it prints. */
final class Tally {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    synchronized void add(String what) {
        add(what, 1);
    }

    synchronized void add(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    synchronized int get(String what) {
        return counts.getOrDefault(what, 0);
    }

    @Override
    public synchronized String toString() {
        return counts.toString();
    }
}
