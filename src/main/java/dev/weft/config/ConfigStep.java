package dev.weft.config;

/** A parsing step that may fail; {@link #within} prefixes its message with where it happened. */
@FunctionalInterface
interface ConfigStep<T> {
    T run() throws ConfigException;

    static <T> T within(String where, ConfigStep<T> step) throws ConfigException {
        try {
            return step.run();
        } catch (ConfigException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }
}
