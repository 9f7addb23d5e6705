package dev.weft.replay;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/** The collapse figures of everything a model wrote in a tree, taken over all its tokens at once. */
public final class ModelFigures {
    private ModelFigures() {}

    /** {@link NodeFigures} over the tokens of every live model node, as if they were one run. */
    public static NodeFigures of(Loom loom) {
        List<Token> tokens = new ArrayList<>();
        for (Node node : loom.nodes()) {
            if (node.origin() == Origin.MODEL && !loom.isHidden(node.id())) {
                tokens.addAll(node.tokens().tokens());
            }
        }
        return NodeFigures.of(TokenRun.of(tokens));
    }
}
