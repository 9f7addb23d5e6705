package dev.weft.model.http;

/** How a streamed response body ended, once it had begun. */
public sealed interface StreamOutcome {
    /** The body ended normally (or the reader stopped it on the protocol's end marker). */
    record Finished() implements StreamOutcome {}

    /** The user cancelled while tokens were arriving. */
    record Cancelled() implements StreamOutcome {}

    /** The connection broke or the body became unreadable; {@code reason} is one line, safe to show. */
    record Broken(String reason) implements StreamOutcome {}
}
