package dev.weft.tui.update;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.ReferenceConvergence;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.replay.Replay;
import dev.weft.session.JournalEntry;
import dev.weft.tui.state.CompareView;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.MultiverseView;
import dev.weft.tui.state.DistributionView;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.SweepView;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;

/**
 * What the loom shows besides the read view, as the session's {@value #KEY} setting (one line of
 * words: the kind, then what the player needs to show it again), so the journal records which view
 * and overlay was open and the replay player shows each step as the loom showed it.
 * <pre>
 * tree · siblings · help · search QUERY · alternatives NODE INDEX ROW
 * convergence FROM REFERENCE CHOSEN ROW · dist NODE CURSOR SPEC · sweep NODE CURSOR N T1,T2,…
 * multiverse NODE INDEX ZOOM SELECTED · compare NODE COLUMN TOP · compare-file
 * </pre>
 * (ZOOM and SELECTED are walks of child indexes, {@code 0.2}, or {@code -}.) What the multiverse
 * and compare views showed came from a model: the recording keeps it as analyses, which the player
 * draws again. A session recorded before that says only {@code multiverse} or {@code compare}, and
 * the player names the view on its bar over the read view. Help is the player's own.
 */
public final class ShownView {
    public static final String KEY = "open";

    private ShownView() {}

    /** The setting's value for what {@code s} shows, or null for the read view alone. */
    public static String of(UiState s) {
        Overlay o = s.overlay();
        if (o instanceof Overlay.Alternatives a) {
            return "alternatives " + a.node().value() + " " + a.index() + " " + a.selected();
        }
        if (o instanceof Overlay.Convergence c) {
            ConvergenceView v = c.view();
            return "convergence " + v.from().value() + " " + v.referenceOf().value() + " " + (v.chosen() ? 1 : 0) + " "
                    + v.selected();
        }
        if (o instanceof Overlay.Distribution d) {
            DistributionView v = d.view();
            return "dist " + (v.node() == null ? -1 : v.node().value()) + " " + v.cursor() + " " + v.spec();
        }
        if (o instanceof Overlay.Sweep w) {
            SweepView v = w.view();
            List<String> t = new ArrayList<>();
            v.slots().stream().filter(slot -> slot.side() == 0).forEach(slot -> t.add(Double.toString(slot.temperature())));
            return "sweep " + (v.node() == null ? -1 : v.node().value()) + " " + v.cursor() + " " + v.n() + " "
                    + String.join(",", t);
        }
        if (o instanceof Overlay.Multiverse m) {
            MultiverseView v = m.view();
            return "multiverse " + v.node().value() + " " + v.index() + " " + walk(v.zoom()) + " " + walk(v.selected());
        }
        if (o instanceof Overlay.Compare c) {
            CompareView v = c.view();
            return "compare " + v.node().value() + " " + v.selected() + " " + v.top();
        }
        if (o instanceof Overlay.CompareFile) {
            return "compare-file";
        }
        if (o instanceof Overlay.SearchPrompt p) {
            return "search " + p.query();
        }
        if (o instanceof Overlay.Help) {
            return "help";
        }
        return s.view() == View.TREE ? "tree" : s.view() == View.SIBLINGS ? "siblings" : null;
    }

    /**
     * Which changes of the setting are journaled at once: the kind, and the multiverse's zoom (a zoom that looks
     * further is followed by the expansion it asked for, and the player shows them together).
     */
    public static String shape(String value) {
        String kind = kind(value);
        if ("multiverse".equals(kind)) {
            String[] w = value.split(" ");
            return w.length < 4 ? kind : kind + " " + w[3];
        }
        return kind;
    }

    /** The first word: what kind of view or overlay. */
    public static String kind(String value) {
        if (value == null) {
            return null;
        }
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /**
     * {@code screen} (the read view at a step) with the view or overlay the recording says was open
     * there; the analysis a dist or sweep view showed is the one the recording kept after it opened.
     * A value this weft cannot show (a hand edit, a node since joined away) leaves the read view.
     */
    public static UiState apply(UiState screen, String value, Replay replay, int step) {
        String kind = kind(value);
        if (kind == null) {
            return screen;
        }
        String[] w = value.split(" ", -1);
        Loom loom = screen.loom();
        try {
            switch (kind) {
                case "tree" -> {
                    return screen.withView(View.TREE);
                }
                case "siblings" -> {
                    return screen.withView(View.SIBLINGS);
                }
                case "search" -> {
                    return screen.withOverlay(new Overlay.SearchPrompt(value.substring(Math.min(value.length(), 7))));
                }
                case "alternatives" -> {
                    NodeId node = new NodeId(Integer.parseInt(w[1]));
                    int index = Integer.parseInt(w[2]);
                    if (!loom.contains(node) || index >= loom.node(node).tokens().size()) {
                        return screen;
                    }
                    return screen.withOverlay(new Overlay.Alternatives(node, index, Integer.parseInt(w[3])));
                }
                case "convergence" -> {
                    NodeId from = new NodeId(Integer.parseInt(w[1]));
                    NodeId reference = new NodeId(Integer.parseInt(w[2]));
                    if (!loom.contains(from) || !loom.contains(reference)) {
                        return screen;
                    }
                    List<NodeId> path = ReferenceConvergence.pathThrough(loom, reference);
                    ReferenceConvergence figures = ReferenceConvergence.of(loom, path, from);
                    return screen.withOverlay(new Overlay.Convergence(new ConvergenceView(figures, reference,
                            w[3].equals("1"), figures.sharedByAll(loom), Integer.parseInt(w[4]), 0)));
                }
                case "dist" -> {
                    AnalysisRecord kept = keptSinceOpened(replay, step, value, "dist");
                    if (kept != null) {
                        return screen.withOverlay(new Overlay.Distribution(DistributionView.of((DistRecord) kept)));
                    }
                    NodeId node = new NodeId(Integer.parseInt(w[1]));
                    int cursor = Integer.parseInt(w[2]);
                    String spec = value.substring(value.indexOf(' ', value.indexOf(' ', 5) + 1) + 1);
                    return screen.withOverlay(new Overlay.Distribution(DistributionView.scoring(0, spec,
                            context(loom, node, cursor), node, cursor, null)));
                }
                case "sweep" -> {
                    AnalysisRecord kept = keptSinceOpened(replay, step, value, "sweep");
                    if (kept != null) {
                        return screen.withOverlay(new Overlay.Sweep(SweepView.of((SweepRecord) kept)));
                    }
                    NodeId node = new NodeId(Integer.parseInt(w[1]));
                    int cursor = Integer.parseInt(w[2]);
                    List<SweepView.Slot> slots = new ArrayList<>();
                    for (String t : w[4].split(",")) {
                        slots.add(SweepView.Slot.waiting(Double.parseDouble(t), 0, 0));
                    }
                    return screen.withOverlay(new Overlay.Sweep(SweepView.opened(context(loom, node, cursor),
                            Integer.parseInt(w[3]), slots, node, cursor, List.of())));
                }
                case "multiverse" -> {
                    return w.length < 5 ? screen : multiverse(screen, w, replay, step, value);
                }
                case "compare" -> {
                    return w.length < 4 ? screen : compare(screen, w, replay, step);
                }
                default -> {
                    return screen; // compare-file: another session, not recorded here
                }
            }
        } catch (RuntimeException e) {
            return screen; // a value this weft does not read: the read view
        }
    }

    /**
     * The multiverse view as the loom showed it: the view's first expansion and every expansion
     * below a zoomed block the recording kept by {@code step} (none yet: still expanding), zoomed
     * and selected as the setting says (a walk the plot does not hold: as the expansion arrived).
     */
    private static UiState multiverse(UiState screen, String[] w, Replay replay, int step, String value) {
        NodeId node = new NodeId(Integer.parseInt(w[1]));
        int index = Integer.parseInt(w[2]);
        Loom loom = screen.loom();
        String place = "multiverse " + w[1] + " " + w[2] + " ";
        List<MultiverseRecord> kept = new ArrayList<>();
        for (int i = step; i >= 1 && replay != null; i--) {
            JournalEntry e = replay.entry(i);
            if (e instanceof JournalEntry.AnalysisRun r && r.record() instanceof MultiverseRecord m) {
                kept.add(0, m);
                if (m.below().isEmpty()) {
                    break; // the view's first expansion
                }
            }
            if (e instanceof JournalEntry.ViewChange v && !String.valueOf(v.view().settings().get(KEY)).startsWith(place)) {
                kept.clear(); // before the view opened
                break;
            }
        }
        if (kept.isEmpty() || !kept.get(0).below().isEmpty()) {
            String context = loom.contains(node) && index < loom.node(node).tokens().size() ? context(loom, node, index) : "";
            return screen.withOverlay(new Overlay.Multiverse(MultiverseView.expanding(0, node, index, context)));
        }
        MultiverseView view = MultiverseView.expanding(0, node, index, kept.get(0).context())
                .arrived(kept.get(0).multiverse());
        for (MultiverseRecord below : kept.subList(1, kept.size())) {
            try {
                view = view.growing(0, below.below()).grew(below.multiverse());
            } catch (RuntimeException e) {
                break; // a block this plot does not hold (a hand edit): what it has so far
            }
        }
        List<Integer> zoom = walk(w[3]);
        List<Integer> selected = walk(w[4]);
        try {
            boolean leaf = view.multiverse().zoom(zoom).root().children().isEmpty();
            view.multiverse().zoom(selected);
            // a block selected inside the zoom (the zoomed block itself only when nothing is below it);
            // a setting written while the expansion was still arriving selects nothing: as it arrived
            if (selected.size() > zoom.size() && selected.subList(0, zoom.size()).equals(zoom)
                    || leaf && selected.equals(zoom) && !zoom.isEmpty()) {
                view = view.with(zoom, selected);
            }
        } catch (IllegalArgumentException e) {
            // as it arrived
        }
        return screen.withOverlay(new Overlay.Multiverse(view));
    }

    /** The compare view as the loom showed it: the result the recording kept, or both sides still sampling. */
    private static UiState compare(UiState screen, String[] w, Replay replay, int step) {
        NodeId node = new NodeId(Integer.parseInt(w[1]));
        int selected = Integer.parseInt(w[2]);
        int top = Integer.parseInt(w[3]);
        for (int i = step; i >= 1 && replay != null; i--) {
            JournalEntry e = replay.entry(i);
            if (e instanceof JournalEntry.AnalysisRun r && r.record() instanceof CompareRecord c) {
                CompareView view = CompareView.of(c);
                return screen.withOverlay(new Overlay.Compare(view.withSelected(Math.min(selected,
                        view.columns().size() - 1)).withTop(Math.max(0, top))));
            }
            if (e instanceof JournalEntry.ViewChange v && !"compare".equals(kind(v.view().settings().get(KEY)))) {
                break; // before the view opened
            }
        }
        Loom loom = screen.loom();
        if (!loom.contains(node)) {
            return screen;
        }
        String vs = screen.settings().experiments().vs();
        CompareView sampling = new CompareView(node, Prompt.of(loom.pathRuns(node)).text(), screen.settings().params(),
                List.of(CompareView.Column.waiting(1, null, screen.settings().backend().name()),
                        CompareView.Column.waiting(2, vs, vs)), 0, 0);
        return screen.withOverlay(new Overlay.Compare(sampling));
    }

    /** A walk of child indexes as one word: {@code 0.2.1}, or {@code -} for none. */
    private static String walk(List<Integer> walk) {
        if (walk.isEmpty()) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        walk.forEach(i -> out.add(Integer.toString(i)));
        return String.join(".", out);
    }

    private static List<Integer> walk(String word) {
        List<Integer> out = new ArrayList<>();
        if (!word.equals("-")) {
            for (String i : word.split("\\.")) {
                out.add(Integer.parseInt(i));
            }
        }
        return out;
    }

    /**
     * What the player's bar says about a view it cannot draw again (one recorded before weft kept
     * the multiverse and compare views' contents, or another session compared), or null.
     */
    public static String unrecorded(String value) {
        String kind = kind(value);
        if ("multiverse".equals(kind) && value.indexOf(' ') < 0 || "compare".equals(kind) && value.indexOf(' ') < 0
                || "compare-file".equals(kind)) {
            return kind.replace('-', ' ') + " not recorded"; // short: it stays on the bar beside the step's description
        }
        return null;
    }

    /**
     * The dist or sweep the recording kept after the view showing {@code value} opened (journal
     * entries from the first view entry of that value up to {@code step}), or null while it was
     * still arriving.
     */
    private static AnalysisRecord keptSinceOpened(Replay replay, int step, String value, String kind) {
        for (int i = step; i >= 1; i--) {
            JournalEntry e = replay.entry(i);
            if (e instanceof JournalEntry.AnalysisRun r && r.record().kind().equals(kind)) {
                return r.record();
            }
            if (e instanceof JournalEntry.ViewChange v && !value.equals(v.view().settings().get(KEY))) {
                return null; // before the view opened
            }
        }
        return null;
    }

    private static String context(Loom loom, NodeId node, int cursor) {
        List<TokenRun> runs = new ArrayList<>(loom.pathRuns(node));
        TokenRun last = runs.get(runs.size() - 1);
        runs.set(runs.size() - 1, last.slice(0, Math.min(last.size(), cursor + 1)));
        return Prompt.of(runs).text();
    }
}
