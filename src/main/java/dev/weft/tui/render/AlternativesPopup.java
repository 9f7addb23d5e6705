package dev.weft.tui.render;

import dev.weft.loom.Alternative;
import dev.weft.loom.Node;
import dev.weft.loom.TokenRun;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.layout.ReadLayout;
import dev.weft.tui.layout.ReadLayouts;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;

/**
 * The top-k tokens the model reported at the cursor, like the playground's dropdown: each with
 * its probability and a bar, the sampled one marked ●, and how much of the probability mass
 * the list covers. Opens below the cursor's line, or above it when there is no room.
 */
final class AlternativesPopup {
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private AlternativesPopup() {}

    static void render(UiState state, Overlay.Alternatives popup, Painter p) {
        Node node = state.loom().node(popup.node());
        TokenRun run = node.tokens();
        int count = run.alternativeCount(popup.index());
        int rank = run.token(popup.index()).rank();
        int body = Areas.of(state.size()).bodyRows();
        boolean extraRow = rank == 0 && !Double.isNaN(run.logprob(popup.index()));
        int listRows = Math.min(count, Math.max(1, body - 2 - (extraRow ? 1 : 0)));
        int height = listRows + 2 + (extraRow ? 1 : 0);
        int width = Math.min(p.cols(), 46);

        ReadLayout layout = ReadLayouts.of(state);
        int cell = layout.cellOfToken(state.focus().cursor());
        int cursorRow = layout.lineOfCell(cell) - state.scroll().read();
        int top = cursorRow + 1 + height <= body ? cursorRow + 1 : Math.max(0, cursorRow - height);
        int left = Math.max(0, Math.min(layout.column(cell), p.cols() - width));

        double mass = 0;
        for (int j = 0; j < count; j++) {
            mass += run.alternative(popup.index(), j).probability();
        }
        Box.draw(p, left, top, width, height, p.style(Part.POPUP_BORDER), p.style(Part.POPUP),
                "top " + count + " cover " + Numbers.percent(mass), "↵ swap · r +regenerate · esc");

        int first = Math.max(0, Math.min(popup.selected() - listRows + 1, count - listRows));
        for (int r = 0; r < listRows; r++) {
            int j = first + r;
            Alternative alt = run.alternative(popup.index(), j);
            boolean chosen = alt.piece().equals(run.piece(popup.index()));
            Style rowStyle = j == popup.selected() ? p.style(Part.POPUP_SELECTED) : p.style(Part.POPUP);
            row(p, left, top + 1 + r, width, alt.text(), alt.probability(), chosen, rowStyle);
        }
        if (extraRow) {
            row(p, left, top + 1 + listRows, width, run.piece(popup.index()).text(),
                    Math.exp(run.logprob(popup.index())), true, p.style(Part.MUTED));
        }
    }

    /** One line: marker, quoted token in its probability colour, percentage, bar. */
    private static void row(Painter p, int left, int row, int width, String text, double prob, boolean chosen, Style style) {
        int inner = width - 2;
        p.fill(left + 1, row, inner, style);
        int barWidth = Math.max(4, inner / 4);
        int tokenWidth = Math.max(3, inner - 2 - 7 - barWidth - 1);
        int col = left + 1;
        p.put(col, row, chosen ? "●" : " ", chosen ? p.style(Part.POPUP_CHOSEN).over(style) : style);
        col += 2;
        p.clipped(col, row, Quote.token(text), p.theme().probability(prob).over(style), tokenWidth);
        col += tokenWidth;
        String pct = Numbers.percent(prob);
        p.text(col + 6 - Glyphs.columns(pct), row, pct, style);
        col += 7;
        p.text(col, row, bar(prob, barWidth), p.style(Part.BAR).over(style));
    }

    static String bar(double p, int width) {
        int eighths = (int) Math.round(Math.max(0, Math.min(1, p)) * width * 8);
        return "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
    }
}
