package io.guoziyun.inventory.site;

public enum Ownership {
    OWNED,
    LEASED,
    COLOCATION
}
