package dev.weft.tui.render;

import dev.weft.tui.theme.Part;
import java.util.List;

/** What an empty loom shows: how to begin. */
final class Welcome {
    private static final List<String> LINES = List.of(
            "weft — a loom for a language model's completions",
            "",
            "i   write a prompt (Esc when done)",
            "g   generate n continuations",
            "a   alternatives at the cursor",
            "?   every key     :  commands     q  quit");

    private Welcome() {}

    static void render(Painter p, int rows) {
        int top = Math.max(0, (rows - LINES.size()) / 2);
        int width = LINES.stream().mapToInt(String::length).max().orElse(0);
        int left = Math.max(0, (p.cols() - width) / 2);
        for (int i = 0; i < LINES.size() && top + i < rows; i++) {
            p.clipped(left, top + i, LINES.get(i), p.style(i == 0 ? Part.HEADING : Part.MUTED), p.cols() - left);
        }
    }
}
