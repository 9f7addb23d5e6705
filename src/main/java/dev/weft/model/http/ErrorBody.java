package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What a server said in an error body, reduced to one safe line. Understands OpenAI's
 * {@code {"error": {"message", "type", "code"}}}, Ollama's and llama.cpp's {@code {"error": "..."}},
 * vLLM's {@code {"object": "error", "message"}} and FastAPI's {@code {"detail"}}; anything else is
 * shown as plain text.
 *
 * @param message        empty when the server said nothing useful
 * @param quotaExhausted OpenAI's {@code insufficient_quota}: a 429 that no retry will fix
 */
public record ErrorBody(String message, boolean quotaExhausted) {
    static final int MAX_LENGTH = 200;

    public static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody("", false);
        }
        JsonNode root = Json.readOrNull(body);
        if (root == null || !root.isObject()) {
            return new ErrorBody(oneLine(body.replaceAll("<[^>]*>", " ")), false);
        }
        return of(root);
    }

    /** The error carried by a JSON object (also used for error events inside a stream). */
    public static ErrorBody of(JsonNode root) {
        JsonNode error = root.path("error");
        String message;
        boolean quota = false;
        if (error.isObject()) {
            message = firstText(error, "message", "msg", "detail");
            quota = mentionsQuota(error.path("code")) || mentionsQuota(error.path("type"));
            if (message.isEmpty()) {
                message = firstText(error, "type", "code");
            }
        } else if (error.isTextual()) {
            message = error.asText();
        } else {
            message = firstText(root, "message", "detail");
            quota = mentionsQuota(root.path("code")) || mentionsQuota(root.path("type"));
        }
        return new ErrorBody(oneLine(message), quota);
    }

    /** Whether a JSON object is an error report rather than data. */
    public static boolean isError(JsonNode node) {
        JsonNode error = node.path("error");
        return (error.isTextual() && !error.asText().isEmpty()) || error.isObject()
                || "error".equals(node.path("object").asText());
    }

    private static boolean mentionsQuota(JsonNode node) {
        return node.isTextual() && node.asText().toLowerCase(Locale.ROOT).contains("insufficient_quota");
    }

    private static String firstText(JsonNode node, String... keys) {
        for (String key : keys) {
            JsonNode v = node.path(key);
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
            if (v.isArray() && !v.isEmpty()) {
                return v.toString(); // FastAPI validation errors are a list
            }
        }
        return "";
    }

    /** Control characters out, whitespace collapsed, long text cut: a server message must fit a status bar. */
    public static String oneLine(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
    }
}
