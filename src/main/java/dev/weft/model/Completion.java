package dev.weft.model;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.List;

/** One sampled continuation: its tokens in order and why it ended. */
public record Completion(List<Token> tokens, FinishReason finish) {
    public Completion {
        tokens = List.copyOf(tokens);
    }

    public String text() {
        return run().text();
    }

    public TokenRun run() {
        return TokenRun.of(tokens);
    }
}
