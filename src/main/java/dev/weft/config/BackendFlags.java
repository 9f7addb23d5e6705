package dev.weft.config;

/**
 * The backend options of one run, as given on the command line; each null when absent.
 * {@code --profile NAME}, or {@code --api KIND --endpoint URL --model NAME [--api-key-env VAR]}.
 */
public record BackendFlags(String profile, String api, String endpoint, String model, String apiKeyEnv) {
    public static final BackendFlags NONE = new BackendFlags(null, null, null, null, null);

    boolean isEmpty() {
        return profile == null && api == null && endpoint == null && model == null && apiKeyEnv == null;
    }
}
