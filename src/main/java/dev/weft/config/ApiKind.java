package dev.weft.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire protocol a remote backend speaks, as named on the command line and in profiles. */
public enum ApiKind {
    OPENAI_COMPLETIONS("openai-completions", "https://api.openai.com/v1"),
    OPENAI_CHAT("openai-chat", "https://api.openai.com/v1"),
    LLAMACPP("llamacpp", "http://127.0.0.1:8080"),
    OLLAMA("ollama", "http://127.0.0.1:11434"),
    /** Not a server: a GGUF model file run in process (profile key {@code path}). */
    GGUF("gguf", null);

    private final String label;
    private final String defaultBaseUrl;

    ApiKind(String label, String defaultBaseUrl) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String label() {
        return label;
    }

    /** Where the server usually listens when nothing else is said. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The two kinds that honour {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL}, as OpenAI's own clients do. */
    public boolean isOpenAi() {
        return this == OPENAI_COMPLETIONS || this == OPENAI_CHAT;
    }

    /** True for the kinds that talk to a server over HTTP. */
    public boolean isRemote() {
        return this != GGUF;
    }

    public static ApiKind parse(String label) throws ConfigException {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (ApiKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new ConfigException("unknown api '" + label + "': expected one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(ApiKind::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
