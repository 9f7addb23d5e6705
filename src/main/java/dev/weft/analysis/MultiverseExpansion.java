package dev.weft.analysis;

import dev.weft.analysis.NextTokens.NextToken;
import dev.weft.loom.Piece;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a context breadth-first: at each node the model's top-k next tokens, keeping each path
 * whose probability stays at or above the floor, down to the depth. Level by level, so the
 * shallow, most informative part is complete before the deep part is asked for.
 */
public final class MultiverseExpansion {
    private MultiverseExpansion() {}

    public static Multiverse expand(NextTokens model, Prompt context, MultiverseSettings settings)
            throws ModelException {
        Growing root = new Growing(null, Piece.EMPTY, 0, 1, false);
        List<Growing> frontier = List.of(root);
        int calls = 0;
        int unexpanded = 0;
        for (int depth = 1; depth <= settings.depth() && !frontier.isEmpty(); depth++) {
            List<Growing> next = new ArrayList<>();
            List<Growing> asked = new ArrayList<>(frontier.size());
            List<Prompt> contexts = new ArrayList<>(frontier.size());
            for (Growing node : frontier) {
                Prompt c = node.context(context);
                if (model.takesPartialCharacters() || c.isWholeText()) {
                    asked.add(node);
                    contexts.add(c);
                } else {
                    unexpanded++; // a text API would be asked about U+FFFD instead: left as a leaf, and said
                }
            }
            // the whole level at once: a backend sends it in parallel, so a level costs about one request's time
            List<List<NextToken>> answers = model.afterEach(contexts, settings.top());
            calls += contexts.size();
            for (int i = 0; i < asked.size(); i++) {
                Growing node = asked.get(i);
                List<NextToken> tokens = answers.get(i);
                double kept = 0;
                for (NextToken token : tokens) {
                    double mass = node.mass * token.probability();
                    if (mass >= settings.minProbability() && mass > 0) {
                        Growing child = new Growing(node, token.piece(), token.logprob(), mass, token.endsText());
                        node.children.add(child);
                        kept += mass;
                        if (!token.endsText()) {
                            next.add(child);
                        }
                    }
                }
                node.pruned = Math.max(0, node.mass - kept);
            }
            frontier = next;
        }
        return new Multiverse(settings, List.of(), 1, root.freeze(), calls, unexpanded);
    }

    /** A node while the tree grows; frozen into an immutable {@link MultiverseNode} at the end. */
    private static final class Growing {
        final Growing parent;
        final Piece piece;
        final double logprob;
        final double mass;
        final boolean endsText;
        final List<Growing> children = new ArrayList<>();
        double pruned;

        Growing(Growing parent, Piece piece, double logprob, double mass, boolean endsText) {
            this.parent = parent;
            this.piece = piece;
            this.logprob = logprob;
            this.mass = mass;
            this.endsText = endsText;
        }

        /** The context followed by the tokens of the path to here, keeping token boundaries. */
        Prompt context(Prompt start) {
            List<Piece> pieces = new ArrayList<>();
            for (Growing n = this; n.parent != null; n = n.parent) {
                pieces.add(n.piece);
            }
            List<Piece> all = new ArrayList<>(start.pieces());
            for (int i = pieces.size() - 1; i >= 0; i--) {
                all.add(pieces.get(i));
            }
            return new Prompt(all);
        }

        MultiverseNode freeze() {
            List<MultiverseNode> frozen = new ArrayList<>(children.size());
            for (Growing child : children) {
                frozen.add(child.freeze());
            }
            return new MultiverseNode(piece, logprob, mass, endsText, pruned, frozen);
        }
    }
}
