package dev.weft.tui.render;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.tui.layout.Anchor;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * The status bar: the mode, the token under the cursor (escaped text, probability, logprob,
 * rank among the alternatives) or the selected node, then sampling settings and the backend.
 */
final class StatusBar {
    private StatusBar() {}

    static void render(UiState state, Painter p, int row) {
        Style fill = p.style(Part.STATUS);
        Style accent = p.style(Part.STATUS_ACCENT);
        List<Bar.Segment> s = new ArrayList<>();
        s.add(new Bar.Segment(mode(state), accent, 100, false));
        if (state.unrecorded().any()) {
            // a write failed: until :w succeeds, say what a crash now would lose
            s.add(new Bar.Segment(state.unrecorded().badge(), accent, 99, false));
        }
        String loading = loadingBackend(state);
        if (loading != null) {
            s.add(new Bar.Segment("loading " + loading + "…", accent, 91, false));
        }
        if (state.isGenerating()) {
            s.add(new Bar.Segment("generating…", accent, 90, false));
        }
        Node node = Anchor.of(state);
        if (node != null) {
            s.add(new Bar.Segment(node.id() + " " + node.origin().label() + cut(node), fill, 60, false));
            if (!node.marks().tags().isEmpty() || !node.marks().note().isEmpty()) {
                s.add(new Bar.Segment(marks(node), fill, 55, false));
            }
            if (state.view() == View.READ && !(state.overlay() instanceof Overlay.Editor)) {
                token(state, s, fill);
            } else {
                figures(node, s, fill);
            }
        }
        SamplingParams params = state.settings().params();
        s.add(new Bar.Segment("T " + Numbers.number(params.temperature()), fill, 70, true));
        s.add(new Bar.Segment("n " + params.n(), fill, 65, true));
        s.add(new Bar.Segment("max " + params.maxTokens(), fill, 64, true));
        if (params.topP() < 1) {
            s.add(new Bar.Segment("top-p " + Numbers.number(params.topP()), fill, 30, true));
        }
        if (state.settings().backend().cache() != null) {
            // the in-process model's cache: worth more than the logprob (the p beside it says the same)
            s.add(new Bar.Segment(state.settings().backend().cache().brief(), fill, 52, true));
        }
        s.add(new Bar.Segment(state.settings().backend().name(), fill, 20, true));
        s.add(new Bar.Segment(state.session(), fill, 10, true));
        Bar.draw(p, row, s, fill);
    }

    private static String mode(UiState state) {
        if (state.overlay() instanceof Overlay.Editor e) {
            return e.target() instanceof EditTarget.NewRoot ? "PROMPT" : "EDIT";
        }
        if (state.overlay() instanceof Overlay.Alternatives) {
            return "ALTERNATIVES";
        }
        if (state.overlay() instanceof Overlay.Help) {
            return "HELP";
        }
        if (state.overlay() instanceof Overlay.Multiverse) {
            return "MULTIVERSE";
        }
        if (state.overlay() instanceof Overlay.CompareFile) {
            return "COMPARE FILES";
        }
        if (state.overlay() instanceof Overlay.Compare) {
            return "COMPARE";
        }
        if (state.overlay() instanceof Overlay.Convergence) {
            return "CONVERGENCE";
        }
        if (state.overlay() instanceof Overlay.Sweep) {
            return "SWEEP";
        }
        if (state.overlay() instanceof Overlay.Distribution) {
            return "DISTRIBUTION";
        }
        if (state.overlay() instanceof Overlay.Sessions) {
            return "SESSIONS";
        }
        if (state.overlay() instanceof Overlay.Models) {
            return "MODELS";
        }
        return state.view().name();
    }

    /** The node's tags and, when it has a note, ※ (:note shows it). */
    private static String marks(Node node) {
        StringBuilder out = new StringBuilder();
        for (String tag : node.marks().tags()) {
            out.append(out.length() == 0 ? "" : " ").append('#').append(dev.weft.loom.DisplayText.token(tag));
        }
        if (!node.marks().note().isEmpty()) {
            out.append(out.length() == 0 ? "" : " ").append(TreeView.NOTE);
        }
        return out.toString();
    }

    private static String loadingBackend(UiState state) {
        for (dev.weft.tui.state.Request r : state.requests().values()) {
            if (r instanceof dev.weft.tui.state.Request.SwitchingBackend s) {
                return s.name();
            }
        }
        return null;
    }

    private static String cut(Node node) {
        return node.generation() != null && node.generation().finish() == FinishReason.CUT ? " cut" : "";
    }

    private static void token(UiState state, List<Bar.Segment> s, Style fill) {
        ReadPath path = ReadPath.of(state.loom(), state.focus().current());
        if (path.size() == 0) {
            return;
        }
        int cursor = path.clamp(state.focus().cursor());
        int k = path.nodeAt(cursor);
        int index = cursor - path.start(k);
        TokenRun run = path.node(k).tokens();
        s.add(new Bar.Segment(Quote.token(run.piece(index).text()), fill, 95, false));
        double lp = run.logprob(index);
        if (Double.isNaN(lp)) {
            s.add(new Bar.Segment("unscored", fill, 85, false));
        } else {
            s.add(new Bar.Segment("p " + Numbers.percent(Math.exp(lp)), fill, 85, false));
            s.add(new Bar.Segment("lp " + Numbers.logprob(lp), fill, 50, false));
            int count = run.alternativeCount(index);
            if (count > 0) {
                int rank = run.token(index).rank();
                s.add(new Bar.Segment("rank " + (rank == 0 ? ">" + count : rank + "/" + count), fill, 80, false));
            }
        }
        s.add(new Bar.Segment("tok " + (cursor + 1) + "/" + path.size(), fill, 15, false));
    }

    private static void figures(Node node, List<Bar.Segment> s, Style fill) {
        NodeFigures f = NodeFigures.of(node.tokens());
        s.add(new Bar.Segment(node.tokens().size() + " tok", fill, 55, false));
        if (f.scored() > 0) {
            s.add(new Bar.Segment("mean p " + Numbers.percent(f.meanProbability()), fill, 54, false));
            s.add(new Bar.Segment("p>.99 " + Math.round(100 * f.shareConfident()) + "%", fill, 40, false));
        }
        if (!Double.isNaN(f.meanEntropy())) {
            s.add(new Bar.Segment("H " + Numbers.number(f.meanEntropy()), fill, 35, false));
        }
    }
}
