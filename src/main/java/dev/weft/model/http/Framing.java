package dev.weft.model.http;

/** How a streamed body splits into JSON events. */
public enum Framing {
    /**
     * Server-sent events: each {@code data:} line carries one JSON event; {@code event:}, {@code id:},
     * comments (llama.cpp's pings) and blank lines carry none. Every server here writes one line of
     * data per event, so lines are not joined.
     */
    SSE {
        @Override
        public String payload(String line) {
            if (!line.startsWith("data:")) {
                return null;
            }
            String data = line.substring(5);
            return data.startsWith(" ") ? data.substring(1) : data;
        }
    },
    /** Newline-delimited JSON (Ollama): every non-blank line is one event. */
    NDJSON {
        @Override
        public String payload(String line) {
            return line.isBlank() ? null : line;
        }
    };

    /** OpenAI's end-of-stream marker, sent as the data of the last event. */
    public static final String DONE = "[DONE]";

    /** The event text a line carries, or null when it carries none. */
    public abstract String payload(String line);
}
