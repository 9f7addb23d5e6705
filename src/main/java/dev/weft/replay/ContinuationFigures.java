package dev.weft.replay;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The collapse figures of all the text that continues the prompts of a tree (completions, swaps,
 * scored edits such as the candidates of a distribution), over all its tokens at once.
 */
public final class ContinuationFigures {
    private ContinuationFigures() {}

    /** {@link NodeFigures} over the tokens of every live node below a root, as if they were one run. */
    public static NodeFigures of(Loom loom) {
        List<Token> tokens = new ArrayList<>();
        for (Node node : loom.nodes()) {
            if (!node.isRoot() && !loom.isHidden(node.id())) {
                tokens.addAll(node.tokens().tokens());
            }
        }
        return NodeFigures.of(TokenRun.of(tokens));
    }
}
