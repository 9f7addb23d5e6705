package dev.weft.tui.update;

import dev.weft.analysis.SweepRecord;
import dev.weft.analysis.SweepRow;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.SweepView;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep view of {@code :sweep T1,T2,… [n]}: n samples of the text up to the cursor's token at
 * each temperature, one effect per temperature (every other setting, the seed included, as set),
 * each row shown as it arrives with the figures {@code weft sweep} prints. Once every row is in
 * (or the view closes with some in), the run is kept in the session. The cursor walks the samples;
 * Enter shows one whole; {@code a} adds it to the tree where the context ends, as the sample at
 * its temperature it is.
 */
final class SweepKeys {
    /** Rows the view uses besides the lines: heading and column names. */
    static final int HEADER_ROWS = 2;

    private SweepKeys() {}

    static void open(Step step, List<Double> temperatures, int n) {
        open(step, temperatures, n, null);
    }

    /** With {@code vs}, the same rows on that backend too (any the picker lists, embedded:CORPUS, gguf:FILE). */
    static void open(Step step, List<Double> temperatures, int n, String vs) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            step.info("no text yet: i writes a prompt");
            return;
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        int index = cursor - path.start(k);
        List<TokenRun> runs = new ArrayList<>(step.state.loom().pathRuns(node.id()));
        runs.set(runs.size() - 1, node.tokens().slice(0, index + 1));
        Prompt context = Prompt.of(runs);
        SamplingParams params = step.state.settings().params().withN(n);
        List<SweepView.Slot> slots = new ArrayList<>();
        List<dev.weft.analysis.AnalysisRecord.Side> sides = new ArrayList<>();
        sides.add(DistributionKeys.side(step, null));
        if (vs != null) {
            sides.add(new dev.weft.analysis.AnalysisRecord.Side(vs, "", "")); // what it is, once it answers
        }
        for (int side = 0; side < sides.size(); side++) {
            for (double t : temperatures) {
                long id = step.newRequest();
                step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Sweeping()));
                slots.add(SweepView.Slot.waiting(t, id, side));
                step.effect(new Effect.SampleSweepRow(id, side == 0 ? null : vs, context, params.withTemperature(t)));
            }
        }
        step.state = step.state.withOverlay(new Overlay.Sweep(SweepView.opened(context.text(), n, slots, node.id(), index,
                sides)));
        if (vs != null) {
            step.info("sampling on " + sides.get(0).profile() + " and on " + vs + "…");
        }
    }

    static void arrived(Step step, Msg.SweepRowArrived msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        settle(step, msg.request(), msg.row(), samples(step, msg), null, msg.answered());
    }

    static void failed(Step step, Msg.AnalysisFailed msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        settle(step, msg.request(), null, List.of(), msg.reason(), null);
        step.error("sweep failed: " + msg.reason());
    }

    /** Each sample as the session keeps it: its tokens and how it was made, at its temperature. */
    private static List<SweepRecord.Sample> samples(Step step, Msg.SweepRowArrived msg) {
        Backend b = msg.answered();
        SamplingParams params = step.state.settings().params();
        if (step.state.overlay() instanceof Overlay.Sweep s) {
            params = params.withN(s.view().n());
        }
        params = params.withTemperature(msg.row().temperature());
        List<SweepRecord.Sample> out = new ArrayList<>();
        for (Completion c : msg.row().samples()) {
            Generation g = new Generation(b.kind(), b.model(), params, msg.at(), c.finish())
                    .withUnknown(params.offAmong(b.defaultedWhenOff()));
            out.add(new SweepRecord.Sample(g, c.run()));
        }
        return out;
    }

    private static void settle(Step step, long request, SweepRow row, List<SweepRecord.Sample> samples, String failure,
                               Backend answered) {
        step.state = step.state.withRequests(step.state.requests().minus(request));
        if (step.state.overlay() instanceof Overlay.Sweep s) {
            SweepView view = s.view();
            List<SweepView.Slot> slots = view.slots();
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).request() == request) {
                    view = view.withSlot(i, slots.get(i).settled(row, failure, samples));
                    if (answered != null && slots.get(i).side() > 0) {
                        view = view.withSide(slots.get(i).side(), DistributionKeys.side(step, answered));
                    }
                }
            }
            if (view.settled() && !view.recorded()) {
                view = keep(step, view);
            }
            show(step, view);
        }
    }

    /** Keeps the run in the session (once), and says so. */
    private static SweepView keep(Step step, SweepView view) {
        if (view.slots().stream().allMatch(s -> s.row() == null)) {
            return view; // nothing arrived: nothing to keep
        }
        step.effect(new Effect.RecordAnalysis(view.record(step.now)));
        if (step.state.message() == null || !step.state.message().error()) {
            step.info("sweep kept in the session · j/k a sample, Enter whole, a adds it");
        }
        return view.withRecorded();
    }

    static void handle(Step step, Overlay.Sweep overlay, Action action) {
        if (action == null) {
            return;
        }
        SweepView view = overlay.view();
        int page = lineRows(step);
        switch (action) {
            case CLOSE -> {
                if (view.whole()) {
                    show(step, view.withWhole(false));
                    return;
                }
                close(step, view);
            }
            case CURSOR_UP -> select(step, view, -1);
            case CURSOR_DOWN -> select(step, view, 1);
            case PAGE_UP -> scroll(step, view, view.top() - page);
            case PAGE_DOWN -> scroll(step, view, view.top() + page);
            case OPEN_SAMPLE -> {
                if (view.sampleAt(view.selected()) == null) {
                    step.info("no sample selected: j and k walk the samples");
                    return;
                }
                show(step, view.withWhole(!view.whole()));
            }
            case ADD_SAMPLE -> add(step, view);
            default -> { }
        }
    }

    private static void close(Step step, SweepView view) {
        for (SweepView.Slot s : view.slots()) {
            if (s.pending()) {
                step.state = step.state.withRequests(step.state.requests().minus(s.request()));
            }
        }
        if (!view.recorded()) {
            keep(step, view); // what arrived is kept; the rows still sampling say so
        }
        step.state = step.state.withOverlay(Overlay.NONE);
    }

    /** Moves the cursor to the next (or previous) sample, scrolling to keep it in sight. */
    private static void select(Step step, SweepView view, int direction) {
        List<Integer> lines = view.sampleLines();
        if (lines.isEmpty()) {
            scroll(step, view, view.top() + direction);
            return;
        }
        int at = lines.indexOf(view.selected());
        int next = at < 0 ? (direction > 0 ? 0 : lines.size() - 1) : Math.max(0, Math.min(lines.size() - 1, at + direction));
        int line = lines.get(next);
        int rows = lineRows(step);
        int top = view.top();
        if (line < top + 1) {
            top = Math.max(0, line - 1); // the temperature's figures above its first sample stay in sight
        } else if (line >= top + rows) {
            top = line - rows + 1;
        }
        show(step, view.withSelected(line).withTop(top));
    }

    /** The selected sample becomes a model child where the context ends (split there if mid-node). */
    private static void add(Step step, SweepView view) {
        int[] at = view.sampleAt(view.selected());
        if (at == null) {
            step.info("no sample selected: j and k walk the samples");
            return;
        }
        SweepView.Slot slot = view.slots().get(at[0]);
        SweepRecord.Sample sample = slot.samples().get(at[1]);
        NodeId node = view.node();
        if (node == null || !step.state.loom().contains(node) || view.cursor() >= step.state.loom().node(node).tokens().size()) {
            step.error("the text the sweep continued is no longer where it was");
            return;
        }
        if (sample.tokens().size() == 0) {
            step.info("this sample is empty: nothing to add");
            return;
        }
        if (view.cursor() + 1 < step.state.loom().node(node).tokens().size()) {
            step.apply(new LoomAction.Split(node, view.cursor() + 1));
        }
        NodeId added = step.apply(new LoomAction.Append(node, sample.tokens(), Origin.MODEL, sample.generation())).node();
        int end = ReadPath.of(step.state.loom(), added).size() - 1;
        step.state = step.state.withFocus(new Focus(added, Math.max(0, end)));
        show(step, view.withWhole(false));
        step.info("added sample #" + (at[1] + 1) + " at T=" + Numbers.number(slot.temperature()) + " as " + added
                + " under " + node + " · Esc shows it");
    }

    static int lineRows(Step step) {
        return Math.max(1, Areas.of(step.state.size()).bodyRows() - HEADER_ROWS);
    }

    private static void scroll(Step step, SweepView view, int top) {
        int last = Math.max(0, view.lines() - lineRows(step));
        show(step, view.withTop(Math.max(0, Math.min(last, top))));
    }

    private static void show(Step step, SweepView view) {
        step.state = step.state.withOverlay(new Overlay.Sweep(view));
    }
}
