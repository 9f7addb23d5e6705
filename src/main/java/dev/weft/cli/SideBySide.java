package dev.weft.cli;

import java.util.ArrayList;
import java.util.List;

/** Two blocks of text lines next to each other, for --vs: the first run on the left, the second on the right. */
final class SideBySide {
    static final String GUTTER = " │ ";

    private SideBySide() {}

    /** Width of each side when two share {@code width} columns. */
    static int half(int width) {
        return Math.max(BlockPlot.MIN_COLUMN, (width - GUTTER.length()) / 2);
    }

    /** Joins line by line; {@code left} lines must be {@code leftWidth} columns wide (a shorter block is padded). */
    static List<String> join(List<String> left, List<String> right, int leftWidth) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : " ".repeat(leftWidth);
            String r = i < right.size() ? right.get(i) : "";
            out.add((l + GUTTER + r).stripTrailing());
        }
        return out;
    }
}
