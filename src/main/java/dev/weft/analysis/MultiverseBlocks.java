package dev.weft.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the blocks of a block-multiverse plot go, apart from how they are drawn: one column per
 * depth, each block spanning [top, bottom) in units of the root's height, nested inside its
 * parent's span, most likely on top. Both the plain-text plot and the full-screen view draw
 * from this, so they place blocks, eighth-block edges and labels alike.
 */
public final class MultiverseBlocks {
    private static final double EDGE = 1e-9;

    private final List<List<Block>> levels;

    /**
     * A node's place in its column.
     *
     * @param path child indexes from the root to this node (0 = most likely child)
     * @param odd  every other block of a column, so neighbours can be shaded apart
     */
    public record Block(MultiverseNode node, List<Integer> path, double top, double bottom, boolean odd) {
        public Block {
            path = List.copyOf(path);
        }

        /**
         * The row holding the block's middle when the block is at least a row tall, else -1: every
         * block tall enough for a label gets one, and two such blocks never share a row.
         */
        public int middleRow(int rows) {
            if ((bottom - top) * rows + EDGE < 1) {
                return -1;
            }
            return Math.min(rows - 1, (int) Math.floor((top + bottom) / 2 * rows));
        }

        /** The first row fully inside the block when the root is {@code rows} tall, or -1 when no row is. */
        public int labelRow(int rows) {
            int first = (int) Math.ceil(top * rows - EDGE);
            return first + 1 <= bottom * rows + EDGE ? first : -1;
        }
    }

    /**
     * What one cell of a column shows at a row: the block over the row's top edge and the one
     * over its bottom edge (either may be null, for empty space), and the share of the row, from
     * the bottom, that belongs to {@code below}. When both are the same, the cell is solid.
     */
    public record Cell(Block above, Block below, double belowShare) {
        public boolean solid() {
            return above == below;
        }

        /** The share of the row below the edge, in eighths (the glyphs ▁ to ▇ draw 1 to 7). */
        public int belowEighths() {
            return (int) Math.max(0, Math.min(8, Math.round(belowShare * 8)));
        }
    }

    private MultiverseBlocks(List<List<Block>> levels) {
        this.levels = levels;
    }

    public static MultiverseBlocks of(Multiverse multiverse) {
        List<List<Block>> levels = new ArrayList<>();
        place(multiverse.root(), new ArrayList<>(), 0, 0, 1, levels);
        return new MultiverseBlocks(levels);
    }

    /**
     * The blocks with the mass the tree shows (its first level's) as the whole height, so that a
     * plot fills its rows whatever the top-k and the floor left out; proportions are unchanged.
     */
    public static MultiverseBlocks filled(Multiverse multiverse) {
        double shown = shownMass(multiverse);
        List<List<Block>> levels = new ArrayList<>();
        place(multiverse.root(), new ArrayList<>(), 0, 0, shown > 0 ? 1 / shown : 1, levels);
        return new MultiverseBlocks(levels);
    }

    /** The mass of the first level's blocks, relative to the root. */
    public static double shownMass(Multiverse multiverse) {
        double sum = 0;
        for (MultiverseNode child : multiverse.root().children()) {
            sum += child.pathProbability();
        }
        return sum;
    }

    /** The block of column {@code depth} labelled at {@code row} by {@link Block#middleRow}, or null. */
    public Block labelledInTheMiddle(int depth, int row, int rows) {
        for (Block block : levels.get(depth)) {
            if (block.middleRow(rows) == row) {
                return block;
            }
        }
        return null;
    }

    /** The blocks of each depth (index 0 = depth 1), top to bottom. */
    public List<List<Block>> levels() {
        return levels;
    }

    /** The cell of column {@code depth} (0-based) at {@code row} of a plot {@code rows} tall. */
    public Cell cell(int depth, int row, int rows) {
        List<Block> level = levels.get(depth);
        double rowTop = (double) row / rows;
        double rowBottom = (double) (row + 1) / rows;
        Block above = blockAt(level, rowTop + EDGE);
        Block below = blockAt(level, rowBottom - EDGE);
        if (above == below) {
            return new Cell(above, below, above == null ? 0 : 1);
        }
        double edge = below != null ? below.top() : above.bottom();
        return new Cell(above, below, (rowBottom - edge) * rows);
    }

    /** The block labelled at {@code row} of column {@code depth}, or null. */
    public Block labelled(int depth, int row, int rows) {
        for (Block block : levels.get(depth)) {
            if (block.labelRow(rows) == row) {
                return block;
            }
        }
        return null;
    }

    private static void place(MultiverseNode node, List<Integer> path, double top, int depth, double scale,
                              List<List<Block>> levels) {
        if (node.children().isEmpty()) {
            return;
        }
        if (levels.size() == depth) {
            levels.add(new ArrayList<>());
        }
        double y = top;
        for (int i = 0; i < node.children().size(); i++) {
            MultiverseNode child = node.children().get(i);
            List<Block> level = levels.get(depth);
            path.add(i);
            double height = child.pathProbability() * scale;
            level.add(new Block(child, path, y, y + height, level.size() % 2 == 1));
            place(child, path, y, depth + 1, scale, levels);
            path.remove(path.size() - 1);
            y += height;
        }
    }

    private static Block blockAt(List<Block> level, double y) {
        for (Block block : level) {
            if (block.top() <= y && y < block.bottom()) {
                return block;
            }
        }
        return null;
    }
}
