package dev.weft.tui.render;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.Diversity;
import dev.weft.analysis.SweepRow;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.SweepView;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sweep view: per temperature a row of figures (distinct-1 and distinct-2 over its samples,
 * mean pairwise normalised edit distance, share of samples whose first sentence is the most common
 * one, mean token probability) and under it each sample on one line, every token in its probability
 * colour; a temperature still sampling says so. The lines scroll under a fixed heading.
 */
final class SweepTable {
    static final String COLUMNS = "    T  distinct-1  distinct-2  edit-dist  same 1st sent.  mean p";

    private SweepTable() {}

    private interface Line {
        void draw(Painter p, int row);
    }

    static void render(SweepView view, Painter p, int rows) {
        if (view.whole() && view.sampleAt(view.selected()) != null) {
            whole(view, p, rows);
            return;
        }
        boolean two = view.sides().size() > 1;
        p.clipped(0, 0, "sweep after " + tail(view.context(), Math.max(10, p.cols() / 2)) + " · " + view.n()
                + (view.n() == 1 ? " sample" : " samples") + " per temperature"
                + (two ? " · 1: " + view.sides().get(0).profile() + " · 2: " + view.sides().get(1).profile() : ""),
                p.style(Part.HEADING), p.cols());
        p.clipped(0, 1, COLUMNS, p.style(Part.MUTED), p.cols());
        List<Line> lines = new ArrayList<>();
        int selected = view.selected();
        for (SweepView.Slot s : view.slots()) {
            String base = String.format(Locale.ROOT, "%5s", Numbers.number(s.temperature()));
            AnalysisRecord.Side side = two ? view.sides().get(s.side()) : null;
            String t = two ? (s.side() + 1) + ":" + base.substring(2) : base;
            String on = two ? "  " + (side.model().isEmpty() ? side.profile() : side.label()) : "";
            if (s.row() != null) {
                String figures = figures(t, s.row()) + on;
                lines.add((p2, row) -> p2.clipped(0, row, figures, p2.style(Part.OUTLINE), p2.cols()));
                List<Completion> samples = s.row().samples();
                for (int i = 0; i < samples.size(); i++) {
                    Completion c = samples.get(i);
                    boolean cursor = lines.size() == selected;
                    String number = String.format(Locale.ROOT, "%5s  ", (cursor ? "▸#" : "#") + (i + 1));
                    lines.add((p2, row) -> sample(p2, row, number, c, cursor));
                }
            } else if (s.failure() != null) {
                lines.add((p2, row) -> p2.clipped(0, row, t + "  failed: " + s.failure(), p2.style(Part.ERROR), p2.cols()));
            } else {
                lines.add((p2, row) -> p2.clipped(0, row, t + "  sampling…", p2.style(Part.MUTED), p2.cols()));
            }
        }
        int shown = Math.max(1, rows - 2);
        int top = Math.max(0, Math.min(view.top(), lines.size() - shown));
        for (int i = 0; i < shown && top + i < lines.size(); i++) {
            lines.get(top + i).draw(p, 2 + i);
        }
    }

    static String figures(String t, SweepRow row) {
        Diversity d = row.diversity();
        return String.format(Locale.ROOT, "%s  %10s  %10s  %9s  %14s  %6s", t, figure(d.distinct1()),
                figure(d.distinct2()), figure(d.meanEditDistance()), Numbers.shortPercent(d.modalFirstSentenceShare()),
                figure(row.meanTokenProbability()));
    }

    private static String figure(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    /** One sample on one line: its tokens in their probability colours, cut at the right edge. */
    private static void sample(Painter p, int row, String number, Completion c, boolean cursor) {
        int col = p.text(0, row, number, cursor ? p.style(Part.CURSOR) : p.style(Part.MUTED));
        for (Token token : c.tokens()) {
            Style style = token.isScored() ? p.theme().probability(token.probability()).over(p.style(Part.TEXT))
                    : p.style(Part.TEXT);
            String text = DisplayText.token(token.piece().text());
            if (col + Glyphs.columns(text) > p.cols()) {
                p.text(col, row, text, style, p.cols() - col);
                return;
            }
            col = p.text(col, row, text, style);
        }
    }

    /** The selected sample whole: its temperature's figures, then every token, wrapped to the width. */
    private static void whole(SweepView view, Painter p, int rows) {
        int[] at = view.sampleAt(view.selected());
        SweepView.Slot slot = view.slots().get(at[0]);
        Completion c = slot.row().samples().get(at[1]);
        p.clipped(0, 0, "sample #" + (at[1] + 1) + " of " + slot.row().samples().size() + " at T="
                + Numbers.number(slot.temperature()) + " after " + tail(view.context(), Math.max(10, p.cols() / 2))
                + " · " + c.tokens().size() + " tokens · " + c.finish().label(), p.style(Part.HEADING), p.cols());
        p.clipped(0, 1, figures(String.format(Locale.ROOT, "%5s", Numbers.number(slot.temperature())), slot.row()),
                p.style(Part.MUTED), p.cols());
        int row = 2;
        int col = 0;
        for (Token token : c.tokens()) {
            Style style = token.isScored() ? p.theme().probability(token.probability()).over(p.style(Part.TEXT))
                    : p.style(Part.TEXT);
            for (int cp : DisplayText.token(token.piece().text()).codePoints().toArray()) {
                String glyph = new String(Character.toChars(cp));
                int w = Math.max(1, Glyphs.columns(glyph));
                if (col + w > p.cols()) {
                    row++;
                    col = 0;
                }
                if (row >= rows) {
                    return;
                }
                col = p.text(col, row, glyph, style);
            }
        }
    }

    private static String tail(String text, int max) {
        String shown = Quote.token(text);
        if (Glyphs.columns(shown) <= max) {
            return shown;
        }
        String bare = Quote.bare(text);
        return "\"…" + bare.substring(Math.max(0, bare.length() - max + 3)) + "\"";
    }
}
