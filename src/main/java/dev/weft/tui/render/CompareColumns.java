package dev.weft.tui.render;

import dev.weft.analysis.Diversity;
import dev.weft.analysis.SiblingFigures;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.model.Completion;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.state.CompareView;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import dev.weft.tui.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/**
 * The compare view: a heading with the context, then one column per backend headed by its
 * backend and model and its figures over its completions (mean logprob and mean p, share of
 * tokens above p 0.99, mean top-k entropy, distinct-1/2 and mean pairwise edit distance), under
 * them the completions numbered and wrapped between tokens, each token coloured by its probability. The selected column's
 * heading is outlined.
 */
final class CompareColumns {
    private static final int HEAD = 4;

    private CompareColumns() {}

    static void render(CompareView view, Painter p, int rows) {
        p.clipped(0, 0, "compare after " + tail(view.context(), Math.max(10, p.cols() - 30)) + " · n "
                + view.params().n() + " · temperature " + Numbers.number(view.params().temperature()),
                p.style(Part.HEADING), p.cols());
        int width = p.cols() / 2;
        for (int i = 0; i < view.columns().size() && i < 2; i++) {
            column(view, view.columns().get(i), i == view.selected(), p, i * width, width - 1, rows);
        }
        for (int r = 1; r < rows; r++) {
            p.put(width - 1, r, "│", p.style(Part.OUTLINE));
        }
    }

    private static void column(CompareView view, CompareView.Column column, boolean selected, Painter p,
                               int left, int width, int rows) {
        String title = column.model().isEmpty() ? column.backend() : column.backend() + " · " + column.model();
        p.clipped(left, 1, (selected ? "▸ " : "  ") + title, selected ? p.style(Part.OUTLINE) : p.style(Part.HEADING), width);
        if (column.isWaiting()) {
            p.text(left + 2, 2, "sampling…", p.style(Part.MUTED), width - 2);
            return;
        }
        if (column.completions() == null) {
            p.clipped(left + 2, 2, "failed: " + column.failure(), p.style(Part.ERROR), width - 2);
            return;
        }
        List<String> figures = figures(column.figures());
        for (int i = 0; i < figures.size(); i++) {
            p.clipped(left + 2, 2 + i, figures.get(i), p.style(Part.MUTED), width - 2);
        }
        List<List<Cell>> lines = lines(column.completions(), width - 1, p);
        for (int r = 0; r + HEAD + 1 < rows && view.top() + r < lines.size(); r++) {
            int c = left + 1;
            for (Cell cell : lines.get(view.top() + r)) {
                c += p.put(c, HEAD + 1 + r, cell.glyph(), cell.style());
            }
        }
    }

    /** Three lines of figures, as {@code weft compare} prints them. */
    static List<String> figures(SiblingFigures f) {
        NodeFigures pooled = f.pooled();
        Diversity d = f.diversity();
        return List.of(
                "mean lp " + (pooled.scored() == 0 ? "–" : Numbers.logprob(pooled.meanLogprob()))
                        + " · mean p " + (pooled.scored() == 0 ? "–" : Numbers.percent(pooled.meanProbability())),
                "p>0.99 " + (pooled.scored() == 0 ? "–" : Numbers.percent(pooled.shareConfident()))
                        + " · entropy " + figure(pooled.meanEntropy()),
                "distinct-1 " + figure(d.distinct1()) + " · -2 " + figure(d.distinct2())
                        + " · edit " + figure(d.meanEditDistance()));
    }

    private record Cell(String glyph, Style style) {}

    /** The completions wrapped to the column, each numbered, a blank line between them. */
    private static List<List<Cell>> lines(List<Completion> completions, int width, Painter p) {
        Theme theme = p.theme();
        List<List<Cell>> lines = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            if (i > 0) {
                lines.add(List.of());
            }
            List<Cell> line = new ArrayList<>();
            int used = 0;
            for (Glyphs.Glyph g : Glyphs.split((i + 1) + " ")) {
                line.add(new Cell(g.text(), p.style(Part.MUTED)));
                used += Glyphs.width(g.text());
            }
            TokenRun run = completions.get(i).run();
            // a character split across tokens is decoded from the joined bytes, as the read view does
            int[] offsets = run.byteOffsets();
            Utf8.Decoded decoded = Utf8.decode(run.bytes());
            for (int k = 0; k < run.size(); k++) {
                double lp = run.logprob(k);
                String text = run.piece(k).isComplete() ? run.piece(k).text()
                        : decoded.text().substring(decoded.charAt()[offsets[k]], decoded.charAt()[offsets[k + 1]]);
                Style style = Double.isNaN(lp) ? theme.style(Part.PROMPT) : theme.probability(Math.exp(lp));
                int tokenWidth = Glyphs.columns(text);
                if (used + tokenWidth > width && tokenWidth <= width && !text.contains("\n") && used > 0) {
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                }
                for (Glyphs.Glyph g : Glyphs.split(text)) {
                    if (g.text().equals("\n")) {
                        line.add(new Cell("↵", style));
                        lines.add(line);
                        line = new ArrayList<>();
                        used = 0;
                        continue;
                    }
                    String glyph = g.text().equals("\t") ? "→" : g.text();
                    int w = Glyphs.width(glyph);
                    if (used + w > width) {
                        lines.add(line);
                        line = new ArrayList<>();
                        used = 0;
                    }
                    line.add(new Cell(glyph, style));
                    used += w;
                }
            }
            lines.add(line);
        }
        return lines;
    }

    private static String figure(double x) {
        return Double.isNaN(x) ? "–" : Numbers.number(x);
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
