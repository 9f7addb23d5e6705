package dev.weft.config;

import java.util.Objects;

/**
 * An API key. Its {@link #toString()} never shows the value, so a key inside a record, a log
 * line or an exception message stays hidden; only the HTTP layer calls {@link #reveal()}.
 */
public final class ApiKey {
    private static final ApiKey NONE = new ApiKey("", "no key");

    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** @param source where the key came from, e.g. "$OPENAI_API_KEY": safe to show */
    public static ApiKey of(String value, String source) {
        Objects.requireNonNull(value, "key");
        return value.isBlank() ? NONE : new ApiKey(value.strip(), source);
    }

    public static ApiKey none() {
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** Where the key came from ("$OPENAI_API_KEY", "config api_key"), for messages. */
    public String source() {
        return source;
    }

    /** The secret itself: for the Authorization header and for scrubbing it out of server messages. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return isPresent() ? "ApiKey[from " + source + ", redacted]" : "ApiKey[none]";
    }
}
