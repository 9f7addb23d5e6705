package dev.weft.tui.render;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import dev.weft.tui.theme.Palette;
import dev.weft.tui.theme.Part;

/** Draws a whole screen from a state: the view, any overlay, the status bar and the message line. Pure. */
public final class Frame {
    private Frame() {}

    public static void render(UiState state, TextGraphics graphics, Palette palette) {
        Areas areas = Areas.of(state.size());
        Painter p = new Painter(graphics, palette, state.settings().theme(), state.size().cols(), state.size().rows());
        for (int r = 0; r < state.size().rows(); r++) {
            p.fill(0, r, state.size().cols(), p.style(Part.TEXT));
        }
        if (state.overlay() instanceof Overlay.Help help) {
            HelpView.render(state, help, p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Multiverse m) {
            MultiversePlot.render(m.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Compare c) {
            CompareColumns.render(c.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.CompareFile c) {
            ComparedSessions.render(c.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Convergence c) {
            ConvergenceLines.render(state, c.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Sweep w) {
            SweepTable.render(w.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Distribution d) {
            DistributionChart.render(d.view(), p, areas.bodyRows());
        } else if (state.overlay() instanceof Overlay.Sessions s) {
            SessionPickerView.render(s.picker(), p, areas.bodyRows());
        } else if (state.view() == View.TREE) {
            TreeView.render(state, p, areas.bodyRows());
        } else if (state.view() == View.SIBLINGS) {
            SiblingsView.render(state, p, areas.bodyRows());
        } else {
            ReadView.render(state, p, areas.bodyRows());
            if (state.overlay() instanceof Overlay.Alternatives a) {
                AlternativesPopup.render(state, a, p);
            }
        }
        if (state.overlay() instanceof Overlay.Models m) {
            ModelPickerBox.render(m.picker(), p, areas.bodyRows());
        }
        if (areas.statusRow() >= 0) {
            if (state.overlay() instanceof Overlay.Command c && c.line().completing() != null) {
                CommandLineView.candidates(c.line().completing(), p, areas.statusRow());
            } else {
                StatusBar.render(state, p, areas.statusRow());
            }
            if (state.overlay() instanceof Overlay.Command c) {
                CommandLineView.render(c.line(), p, areas.messageRow());
            } else {
                MessageLine.render(state, p, areas.messageRow());
            }
        }
        p.flush();
    }
}
