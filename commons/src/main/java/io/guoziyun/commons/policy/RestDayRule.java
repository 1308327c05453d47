package io.guoziyun.commons.policy;

/** How the last day of a period that falls on a rest day is read (ADR 0003). */
public enum RestDayRule {
    /** Civil Code Art. 203: the period ends on the next working day. */
    NEXT_WORKING_DAY,
    /** The period ends on its own date, whatever day it is. */
    AS_IS
}
