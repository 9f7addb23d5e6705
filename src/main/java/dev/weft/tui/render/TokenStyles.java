package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;

/**
 * How a token looks by where it came from: the prompt plain, model text by its probability
 * (the full spectrum), edited text marked (scored edits keep their probability colour on the
 * edited background, unless the theme paints probability as a background), the one swapped-in
 * token marked too.
 */
final class TokenStyles {
    private TokenStyles() {}

    static Style of(Theme theme, Node node, int index) {
        TokenRun run = node.tokens();
        double lp = run.logprob(index);
        Style probability = Double.isNaN(lp) ? null : theme.probability(Math.exp(lp));
        return switch (node.origin()) {
            case PROMPT -> theme.style(Part.PROMPT);
            case EDIT -> probability == null || theme.paintsBackground()
                    ? theme.style(Part.EDITED)
                    : probability.over(theme.style(Part.EDITED));
            case MODEL, SWAP -> {
                Style s = probability == null ? theme.style(Part.PROMPT) : probability;
                yield node.origin() == Origin.SWAP && index == 0 ? theme.style(Part.SWAP).over(s) : s;
            }
            // picked by hand: a token that was not the likeliest is marked as a swap is
            case PICKED -> {
                Style s = probability == null ? theme.style(Part.PROMPT) : probability;
                yield Origin.rank(run, index) > 1 ? theme.style(Part.SWAP).over(s) : s;
            }
        };
    }
}
