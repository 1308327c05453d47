package io.guoziyun.commons.finding;

/** A finding as of a date: still breaking the rule then, or put right by then. */
public enum FindingStatus {
    OPEN,
    RESOLVED
}
