package dev.weft.tui.render;

import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.state.SessionPicker;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The session picker over the whole body: a heading, one row per session (name, node count, how long
 * ago it changed, its first line) with the bar on the selected one, and the filter on the last row.
 */
final class SessionPickerView {
    private static final int NAME_MAX = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SessionPickerView() {}

    static void render(SessionPicker picker, Painter p, int bodyRows) {
        List<SessionPicker.Entry> shown = picker.visible();
        String folder = folderName(picker.folder());
        String heading = picker.entries().isEmpty() ? "Sessions in " + folder + " · listing…"
                : "Sessions in " + folder + " · most recent first"
                + (picker.filter().isEmpty() ? " (" + picker.entries().size() + ")"
                        : " (" + shown.size() + " of " + picker.entries().size() + ")");
        p.clipped(1, 0, heading, p.style(Part.HEADING), p.cols() - 2);
        boolean filterRow = picker.typing() || !picker.filter().isEmpty();
        int listTop = 2;
        int listRows = Math.max(0, bodyRows - listTop - (filterRow ? 2 : 0));
        int nameWidth = 4;
        for (SessionPicker.Entry e : picker.entries()) {
            nameWidth = Math.max(nameWidth, Math.min(NAME_MAX, Glyphs.columns(e.name())));
        }
        int first = Math.max(0, Math.min(picker.selected() - listRows + 1, shown.size() - listRows));
        for (int r = 0; r < listRows && first + r < shown.size(); r++) {
            int i = first + r;
            row(p, listTop + r, shown.get(i), i == picker.selected(), nameWidth, picker.listedAt());
        }
        if (!picker.entries().isEmpty() && shown.isEmpty() && listRows > 0) {
            p.clipped(3, listTop, "no session matches '" + picker.filter() + "'", p.style(Part.MUTED), p.cols() - 4);
        }
        if (filterRow && bodyRows > 1) {
            int end = p.text(1, bodyRows - 1, "/ ", p.style(Part.HINT_KEY));
            end = p.text(end, bodyRows - 1, picker.filter(), p.style(Part.TEXT), p.cols() - end - 1);
            if (picker.typing()) {
                p.put(end, bodyRows - 1, " ", p.style(Part.CARET));
            }
        }
    }

    /** The folder by its own name ({@code sessions/}): the working directory is where weft was started. */
    private static String folderName(String folder) {
        java.nio.file.Path name = java.nio.file.Path.of(folder).getFileName();
        return (name == null ? folder : name.toString()) + "/";
    }

    private static void row(Painter p, int y, SessionPicker.Entry e, boolean selected, int nameWidth, Instant now) {
        Style base = selected ? p.style(Part.TREE_SELECTED) : p.style(Part.TEXT);
        Style muted = selected ? base : p.style(Part.MUTED);
        p.fill(0, y, p.cols(), base);
        int col = 1;
        p.put(col, y, selected ? "▸" : " ", base);
        col += 2;
        p.clipped(col, y, e.name(), base, nameWidth);
        col += nameWidth + 2;
        String nodes = e.nodes() >= 0 ? e.nodes() + (e.nodes() == 1 ? " node" : " nodes") : e.problem() != null ? "" : "…";
        col = right(p, col, y, nodes, 9, muted) + 2;
        col = right(p, col, y, age(e.changed(), now), 10, muted) + 2;
        if (col < p.cols()) {
            if (e.problem() != null) {
                p.clipped(col, y, "unreadable: " + e.problem(), selected ? base : p.style(Part.ERROR), p.cols() - col - 1);
            } else if (e.firstLine() != null) {
                p.clipped(col, y, e.firstLine().isEmpty() ? "(empty)" : e.firstLine(), e.firstLine().isEmpty() ? muted : base,
                        p.cols() - col - 1);
            }
        }
    }

    private static int right(Painter p, int col, int y, String text, int width, Style style) {
        int w = Glyphs.columns(text);
        p.text(col + Math.max(0, width - w), y, text, style, width);
        return col + width;
    }

    /** How long ago, in a word or two: just now, 5 min ago, 3 h ago, 2 d ago, else the day. */
    static String age(Instant changed, Instant now) {
        long s = Duration.between(changed, now).getSeconds();
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        if (s < 14 * 86_400) {
            return s / 86_400 + " d ago";
        }
        return DAY.format(changed);
    }
}
