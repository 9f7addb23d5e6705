package dev.weft.tui.render;

import dev.weft.tui.state.ModelOffer;
import dev.weft.tui.theme.Part;
import java.util.ArrayList;
import java.util.List;

/** What an empty loom shows: how to begin, and a model file found on this machine when one is offered. */
final class Welcome {
    private static final List<String> LINES = List.of(
            "weft — a loom for a language model's completions",
            "",
            "i   write a prompt (Esc when done)",
            "g   generate n continuations",
            "a   alternatives at the cursor",
            "?   every key     :  commands     q  quit");

    /** The same on a narrow screen (down to 40 columns), each line whole. */
    private static final List<String> NARROW = List.of(
            "weft — a language model loom",
            "",
            "i   write a prompt (Esc: done)",
            "g   generate continuations",
            "a   alternatives at the cursor",
            "?   every key",
            ":   commands",
            "q   quit");

    private Welcome() {}

    static void render(Painter p, int rows, ModelOffer offer) {
        boolean narrow = LINES.stream().mapToInt(Welcome::columns).max().orElse(0) > p.cols() || rows < NARROW.size();
        List<String> lines = new ArrayList<>(narrow && rows >= NARROW.size() ? NARROW : LINES);
        int offerStart = lines.size() + 1;
        if (offer != null) {
            lines.add("");
            lines.add("Found a model on this machine: " + offer.name());
            lines.add("  " + offer.about() + (offer.others() > 0 ? " · " + offer.others() + " more: o lists them" : ""));
            lines.add("y   use it, in process     n   keep the embedded model     Esc   not now");
        }
        int top = Math.max(0, (rows - lines.size()) / 2);
        int width = lines.stream().mapToInt(Welcome::columns).max().orElse(0);
        int left = Math.max(0, (p.cols() - width) / 2);
        for (int i = 0; i < lines.size() && top + i < rows; i++) {
            Part part = i == 0 || i == offerStart ? Part.HEADING : i > offerStart ? Part.TEXT : Part.MUTED;
            p.clipped(left, top + i, lines.get(i), p.style(part), p.cols() - left);
        }
    }

    private static int columns(String line) {
        return dev.weft.tui.layout.Glyphs.columns(line);
    }
}
