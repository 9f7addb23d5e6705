package dev.weft.tui.render;

import dev.weft.loom.Node;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;

/**
 * How a token looks by where it came from: the prompt plain, model text by its probability
 * (the full spectrum), edited text marked and still coloured by its probability (see
 * {@link #edited}), the one swapped-in token marked too.
 */
final class TokenStyles {
    private TokenStyles() {}

    static Style of(Theme theme, Node node, int index) {
        TokenRun run = node.tokens();
        double lp = run.logprob(index);
        Style probability = Double.isNaN(lp) ? null : theme.probability(Math.exp(lp));
        return switch (node.origin()) {
            case PROMPT -> theme.style(Part.PROMPT);
            case EDIT -> edited(theme.style(Part.EDITED), probability, theme.paintsBackground());
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

    /**
     * A scored edit shows both that a person wrote it and how likely the model found it: the
     * probability keeps the text colour (and a bucket's attributes) while the edit keeps its
     * background, even where a bucket has a background of its own (high-contrast flags the least
     * likely tokens on red: an edit there stays on the edit background). When the theme paints
     * probability as the background, the edit keeps its text colour and attributes and is underlined.
     */
    static Style edited(Style edit, Style probability, boolean paintsBackground) {
        if (probability == null) {
            return edit;
        }
        if (paintsBackground) {
            return Style.of(Style.Attr.UNDERLINE).over(new Style(edit.fg(), null, edit.attrs()).over(probability));
        }
        Style s = probability.over(edit);
        return edit.bg() == null ? s : new Style(s.fg(), edit.bg(), s.attrs());
    }
}
