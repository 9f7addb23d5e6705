package dev.weft.tui.update;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.ReferenceConvergence;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.replay.Replay;
import dev.weft.session.JournalEntry;
import dev.weft.tui.state.ConvergenceView;
import dev.weft.tui.state.DistributionView;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.SweepView;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the loom shows besides the read view, as the session's {@value #KEY} setting (one line of
 * words: the kind, then what the player needs to show it again), so the journal records which view
 * and overlay was open and the replay player shows each step as the loom showed it.
 * <pre>
 * tree · siblings · help · search QUERY · alternatives NODE INDEX ROW
 * convergence FROM REFERENCE CHOSEN ROW · dist NODE CURSOR SPEC · sweep NODE CURSOR N T1,T2,…
 * multiverse · compare · compare-file
 * </pre>
 * The multiverse's blocks and the compare view's samples come from a model and are not recorded:
 * the player names those views on its bar over the read view. Help is the player's own.
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
        if (o instanceof Overlay.Multiverse) {
            return "multiverse";
        }
        if (o instanceof Overlay.Compare) {
            return "compare";
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

    /** The first word: what kind of view or overlay (a change of kind is journaled at once). */
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
                default -> {
                    return screen; // multiverse, compare: their contents were not recorded
                }
            }
        } catch (RuntimeException e) {
            return screen; // a value this weft does not read: the read view
        }
    }

    /** What the player's bar says about a view it cannot draw again, or null. */
    public static String unrecorded(String value) {
        String kind = kind(value);
        if ("multiverse".equals(kind) || "compare".equals(kind) || "compare-file".equals(kind)) {
            return String.format(Locale.ROOT, "%s view open (its contents came from the model, not recorded)",
                    kind.replace('-', ' '));
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
