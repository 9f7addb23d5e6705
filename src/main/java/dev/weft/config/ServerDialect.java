package dev.weft.config;

import java.util.Locale;

/**
 * Which server sits behind an OpenAI-compatible endpoint. The protocol is shared, but what the
 * server accepts differs: OpenAI caps completions at 5 alternatives and takes
 * {@code max_completion_tokens} for chat; vLLM takes {@code top_k} and {@code min_p}, honours
 * {@code n} and echoes prompt logprobs up to its {@code --max-logprobs} (20 by default); llama.cpp
 * copies every omitted sampling field from its own defaults, so it is sent them all; an
 * unknown server (OpenRouter, Together, a proxy) gets only the common fields.
 */
public enum ServerDialect {
    OPENAI("openai"),
    VLLM("vllm"),
    /** llama.cpp's {@code /v1/*}: omitted sampling fields take the server's defaults (top_k 40, min_p 0.05). */
    LLAMACPP("llamacpp"),
    GENERIC("generic");

    private final String label;

    ServerDialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ServerDialect parse(String label) throws ConfigException {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (ServerDialect d : values()) {
            if (d.label.equals(wanted)) {
                return d;
            }
        }
        throw new ConfigException("unknown server '" + label + "': expected openai, vllm, llamacpp or generic");
    }

    /** OpenAI's own host is recognised; anything else is generic unless the profile says otherwise. */
    public static ServerDialect guess(String baseUrl) {
        return baseUrl.toLowerCase(Locale.ROOT).contains("://api.openai.com") ? OPENAI : GENERIC;
    }

    @Override
    public String toString() {
        return label;
    }
}
