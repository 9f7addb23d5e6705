package dev.weft.tui.update;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateSet;
import dev.weft.tui.state.Backend;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.loom.Node;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.DistributionView;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution view of {@code :dist SPEC}: score each candidate as the continuation of the text
 * up to the cursor's token (off the UI thread), then show one bar per candidate; the bars scroll
 * and can be sorted by probability.
 */
final class DistributionKeys {
    /** What {@code weft dist} puts between the text and a candidate by default: " 42" after "is". */
    static final String PREFIX = " ";
    /** Rows the view uses above and below the bars: heading, column header; two summary lines. */
    static final int CHROME_ROWS = 4;

    private DistributionKeys() {}

    static void open(Step step, String spec) {
        open(step, spec, null);
    }

    /** With {@code vs}, the same candidates scored on that backend too, side by side. */
    static void open(Step step, String spec, String vs) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            step.info("no text yet: i writes a prompt");
            return;
        }
        List<String> candidates;
        String file = null;
        if (spec.startsWith("@")) {
            file = spec.substring(1).strip();
            if (file.isEmpty()) {
                step.error(":dist @FILE: give a file with one candidate per line");
                return;
            }
            candidates = List.of();
        } else {
            try {
                candidates = candidates(spec);
            } catch (IllegalArgumentException e) {
                step.error(":dist " + e.getMessage());
                return;
            }
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        int index = cursor - path.start(k);
        List<TokenRun> runs = new ArrayList<>(step.state.loom().pathRuns(node.id()));
        runs.set(runs.size() - 1, node.tokens().slice(0, index + 1));
        Prompt context = Prompt.of(runs);
        long id = step.newRequest();
        DistributionView view = DistributionView.scoring(id, spec, context.text(), node.id(), index, side(step, null));
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.ScoringCandidates()));
        step.effect(new Effect.ScoreCandidates(id, null, context, candidates, file, PREFIX));
        if (vs != null) {
            long other = step.newRequest();
            view = view.withVs(new DistributionView.Vs(other, new AnalysisRecord.Side(vs, "", ""), null, null));
            step.state = step.state.withRequests(step.state.requests().plus(other, new Request.ScoringCandidates()));
            step.effect(new Effect.ScoreCandidates(other, vs, context, candidates, file, PREFIX));
            step.info("scoring on " + view.side().profile() + " and on " + vs + "…");
        }
        step.state = step.state.withOverlay(new Overlay.Distribution(view));
    }

    /** The backend that answered (or will): a named profile, else the one in use, as the session records it. */
    static AnalysisRecord.Side side(Step step, Backend answered) {
        Backend inUse = step.state.settings().backend();
        if (answered == null) {
            return new AnalysisRecord.Side(inUse.name(), inUse.kind(), inUse.model());
        }
        return new AnalysisRecord.Side(answered.name() == null ? inUse.name() : answered.name(), answered.kind(),
                answered.model());
    }

    /**
     * An integer range {@code 0..100} or a comma list, as {@code weft dist --candidates} reads them.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static List<String> candidates(String spec) {
        return CandidateSet.parse(spec);
    }

    static void arrived(Step step, Msg.CandidatesScored msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (!(step.state.overlay() instanceof Overlay.Distribution d)) {
            return;
        }
        CandidateDistribution dist = msg.distribution();
        DistributionView view = d.view();
        if (view.request() == msg.request()) {
            view = view.arrived(dist, side(step, msg.answered()));
        } else if (view.vs() != null && view.vs().request() == msg.request()) {
            view = view.withVs(new DistributionView.Vs(0, side(step, msg.answered()), dist, null));
        } else {
            return;
        }
        show(step, keep(step, view));
    }

    /** Once every backend has answered, the run is kept in the session: the bars outlive the view. */
    private static DistributionView keep(Step step, DistributionView view) {
        if (!view.settled() || view.recorded()) {
            return view;
        }
        step.effect(new Effect.RecordAnalysis(view.record(step.now, PREFIX)));
        CandidateDistribution dist = view.distribution();
        if (step.state.message() == null || !step.state.message().error()) {
            step.info(dist.candidates().size() + " candidates scored " + (dist.isExact() ? "exactly" : "from the reported top-k")
                    + " · mass " + Numbers.shortPercent(dist.totalMass()) + " · kept in the session");
        }
        return view.withRecorded();
    }

    private static void show(Step step, DistributionView view) {
        step.state = step.state.withOverlay(new Overlay.Distribution(view));
    }

    static void failed(Step step, Msg.AnalysisFailed msg) {
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Distribution d) {
            DistributionView view = d.view();
            if (view.request() == msg.request()) {
                if (view.vs() != null && view.vs().pending()) {
                    step.state = step.state.withRequests(step.state.requests().minus(view.vs().request()));
                }
                step.state = step.state.withOverlay(Overlay.NONE);
            } else if (view.vs() != null && view.vs().request() == msg.request()) {
                DistributionView.Vs vs = view.vs();
                step.error("dist on " + vs.side().profile() + " failed: " + msg.reason());
                show(step, keep(step, view.withVs(new DistributionView.Vs(0, vs.side(), null, msg.reason()))));
                return;
            }
        }
        step.error("dist failed: " + msg.reason());
    }

    static void handle(Step step, Overlay.Distribution overlay, Action action) {
        if (action == null) {
            return;
        }
        DistributionView view = overlay.view();
        if (action == Action.CLOSE) {
            if (view.request() != 0) {
                step.state = step.state.withRequests(step.state.requests().minus(view.request()));
            }
            if (view.vs() != null && view.vs().pending()) {
                step.state = step.state.withRequests(step.state.requests().minus(view.vs().request()));
                if (view.distribution() != null && !view.recorded()) {
                    keep(step, view.withVs(new DistributionView.Vs(0, view.vs().side(), null, "closed before it arrived")));
                }
            }
            step.state = step.state.withOverlay(Overlay.NONE);
            return;
        }
        if (view.distribution() == null) {
            return;
        }
        int page = barRows(step);
        switch (action) {
            case ROW_UP -> scroll(step, view, view.top() - 1);
            case ROW_DOWN -> scroll(step, view, view.top() + 1);
            case PAGE_UP -> scroll(step, view, view.top() - page);
            case PAGE_DOWN -> scroll(step, view, view.top() + page);
            case FIRST_ROW -> scroll(step, view, 0);
            case LAST_ROW -> scroll(step, view, Integer.MAX_VALUE);
            case SORT_BARS -> {
                step.state = step.state.withOverlay(new Overlay.Distribution(view.withSorted(!view.sorted()).withTop(0)));
                step.info(view.sorted() ? "bars in candidate order" : "bars by probability, most probable first");
            }
            default -> { }
        }
    }

    /** How many bars fit on the screen. */
    static int barRows(Step step) {
        return Math.max(1, Areas.of(step.state.size()).bodyRows() - CHROME_ROWS);
    }

    private static void scroll(Step step, DistributionView view, int top) {
        int last = Math.max(0, view.distribution().candidates().size() - barRows(step));
        int clamped = Math.max(0, Math.min(last, top));
        step.state = step.state.withOverlay(new Overlay.Distribution(view.withTop(clamped)));
    }
}
