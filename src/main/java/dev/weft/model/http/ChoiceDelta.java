package dev.weft.model.http;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import java.util.List;

/**
 * What one response or stream event says about one choice: tokens to append and, once known, why
 * it ended ({@link FinishReason#RUNNING} while it goes on).
 *
 * @param index the choice within its request
 */
public record ChoiceDelta(int index, List<Token> tokens, FinishReason finish) {
    public ChoiceDelta {
        tokens = List.copyOf(tokens);
    }
}
