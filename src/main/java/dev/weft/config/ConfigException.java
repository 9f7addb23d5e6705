package dev.weft.config;

/** A configuration problem, with a one-line message that names the file, profile or flag at fault. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
