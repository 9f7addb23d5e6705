package dev.weft.model.http;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Token;
import java.util.List;

/**
 * What one response or stream event says about one choice: the text the server says it generated,
 * the token entries it listed for it, and, once known, why it ended ({@link FinishReason#RUNNING}
 * while it goes on). The text is the truth; {@link TextAlignment} attaches the entries to it.
 *
 * @param index  the choice within its request
 * @param text   the server's text for this event ({@code text}, {@code response}, {@code content}), "" when none
 * @param tokens the token entries as listed, before alignment
 */
public record ChoiceDelta(int index, String text, List<Token> tokens, FinishReason finish) {
    public ChoiceDelta {
        text = text == null ? "" : text;
        tokens = List.copyOf(tokens);
    }
}
