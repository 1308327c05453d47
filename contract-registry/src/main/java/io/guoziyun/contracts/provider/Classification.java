package io.guoziyun.contracts.provider;

/** Under the directive: contracts with third-party platforms are barred; the state cloud is where data moves. */
public enum Classification {
    THIRD_PARTY,
    STATE_CLOUD
}
