package dev.weft.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.weft.tui.theme.Palette;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A golden for colours: one screen row as runs of equal style, one run a line, {@code [fg bg
 * attributes] "text"}, so a style change shows as a readable diff.
 */
final class StyledRow {
    private StyledRow() {}

    static String of(TuiHarness h, int row) {
        StringBuilder out = new StringBuilder();
        String style = null;
        StringBuilder run = new StringBuilder();
        for (int col = 0; col < 80; col++) {
            TextCharacter c = h.cell(col, row);
            String s = describe(c);
            if (!s.equals(style) && style != null) {
                out.append(style).append(" \"").append(run).append("\"\n");
                run.setLength(0);
            }
            style = s;
            run.append(c.getCharacterString());
        }
        String rest = run.toString().stripTrailing();
        if (!rest.isEmpty()) {
            out.append(style).append(" \"").append(rest).append("\"\n");
        }
        return out.toString();
    }

    private static String describe(TextCharacter c) {
        TreeSet<String> attrs = new TreeSet<>();
        for (SGR s : c.getModifiers()) {
            attrs.add(s == Palette.FAINT ? "dim" : s.name().toLowerCase(Locale.ROOT));
        }
        return "[fg " + colour(c.getForegroundColor()) + " bg " + colour(c.getBackgroundColor())
                + (attrs.isEmpty() ? "" : " " + String.join(" ", attrs)) + "]";
    }

    private static String colour(TextColor c) {
        if (c instanceof TextColor.ANSI a) {
            return a.name().toLowerCase(Locale.ROOT);
        }
        if (c instanceof TextColor.Indexed i) {
            return new String(i.getForegroundSGRSequence(), java.nio.charset.StandardCharsets.US_ASCII).substring(5);
        }
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
