package io.guoziyun.commons.finding;

/** How much a finding weighs: CRITICAL bars what the directive forbids outright; WARNING asks for attention. */
public enum Severity {
    CRITICAL,
    WARNING
}
