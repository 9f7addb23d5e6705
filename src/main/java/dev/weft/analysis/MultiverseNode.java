package dev.weft.analysis;

import dev.weft.loom.Piece;
import java.util.ArrayList;
import java.util.List;

/**
 * One block of a block-multiverse plot: a token after its parent's path, and the probability of
 * the whole path so far (the block's height). Children are the most likely next tokens, most
 * likely first.
 *
 * @param logprob         the model's logprob of this token after its parent's path (0 for the root)
 * @param pathProbability probability of the path from the root to here, relative to the root
 * @param endsText        the end-of-text token: a finished text, never expanded
 * @param prunedMass      the part of this path's probability that went to next tokens left out of
 *                        the tree (beyond the top-k, under the floor, or not reported)
 */
public record MultiverseNode(Piece piece, double logprob, double pathProbability, boolean endsText,
                             double prunedMass, List<MultiverseNode> children) {
    public MultiverseNode {
        children = List.copyOf(children);
    }

    /** P(token | parent's path). */
    public double probability() {
        return Math.exp(logprob);
    }

    /** The probability of paths through here that the tree does not show. */
    public double unexploredMass() {
        double sum = prunedMass;
        for (MultiverseNode child : children) {
            sum += child.unexploredMass();
        }
        return sum;
    }

    public int size() {
        int sum = 1;
        for (MultiverseNode child : children) {
            sum += child.size();
        }
        return sum;
    }

    /** The deepest level under this node (0 for a leaf). */
    public int height() {
        int deepest = 0;
        for (MultiverseNode child : children) {
            deepest = Math.max(deepest, child.height() + 1);
        }
        return deepest;
    }

    /** The same subtree with every mass multiplied by {@code factor}: renormalising to a branch. */
    MultiverseNode scaled(double factor) {
        List<MultiverseNode> scaled = new ArrayList<>(children.size());
        for (MultiverseNode child : children) {
            scaled.add(child.scaled(factor));
        }
        return new MultiverseNode(piece, logprob, pathProbability * factor, endsText, prunedMass * factor, scaled);
    }
}
