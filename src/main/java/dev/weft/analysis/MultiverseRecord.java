package dev.weft.analysis;

import dev.weft.loom.NodeId;
import java.time.Instant;
import java.util.List;

/**
 * A multiverse expansion the loom's view showed, kept in the session so the replay player draws
 * the plot again without a model: the first expansion of a view ({@code below} empty), or the
 * expansion below a block a zoom looked further into ({@code below} walks to that block from the
 * view's first expansion, 0 = most likely child; its probabilities are relative to the block).
 *
 * @param node    the node the view's context ends in (advisory)
 * @param cursor  the token of {@code node} the view's context ends after
 * @param context the text this expansion continued (with a zoom's block path at its end)
 * @param side    the backend that answered (the one in use)
 */
public record MultiverseRecord(Instant at, NodeId node, int cursor, String context, Side side, List<Integer> below,
                               Multiverse multiverse) implements AnalysisRecord {
    public MultiverseRecord {
        below = List.copyOf(below);
        if (at == null || context == null || side == null || multiverse == null || cursor < 0
                || below.stream().anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("a multiverse record needs its time, context, side and expansion");
        }
    }

    @Override
    public String kind() {
        return "multiverse";
    }
}
