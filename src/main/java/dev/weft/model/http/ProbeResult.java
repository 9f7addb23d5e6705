package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;

/** What one GET of a server's status endpoint gave, for the doctor. */
public sealed interface ProbeResult {

    /**
     * The server answered.
     *
     * @param json  the body as JSON, or null when it was not JSON
     * @param error the server's error message for a non-2xx status, else empty
     */
    record Answered(int status, JsonNode json, String error) implements ProbeResult {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: the one-line reason (refused, DNS, timeout). */
    record Unreachable(String message) implements ProbeResult {}
}
