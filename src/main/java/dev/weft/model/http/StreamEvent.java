package dev.weft.model.http;

import java.util.List;

/** One parsed event of a streamed response. */
public sealed interface StreamEvent {
    /** Tokens and finish reasons for some choices. */
    record Delta(List<ChoiceDelta> choices) implements StreamEvent {
        public Delta {
            choices = List.copyOf(choices);
        }
    }

    /** The server's end marker ({@code [DONE]}, {@code "done": true}): every choice is over. */
    record Done() implements StreamEvent {}

    /** An error object inside a 200 stream (Ollama, vLLM); {@code message} is one line. */
    record Failed(String message) implements StreamEvent {}
}
