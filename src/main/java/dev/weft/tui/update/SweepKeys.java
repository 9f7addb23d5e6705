package dev.weft.tui.update;

import dev.weft.analysis.SweepRow;
import dev.weft.loom.Node;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Areas;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.SweepView;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep view of {@code :sweep T1,T2,… [n]}: n samples of the text up to the cursor's token at
 * each temperature, one effect per temperature (every other setting, the seed included, as set),
 * each row shown as it arrives with the figures {@code weft sweep} prints.
 */
final class SweepKeys {
    /** Rows the view uses besides the lines: heading and column names. */
    static final int HEADER_ROWS = 2;

    private SweepKeys() {}

    static void open(Step step, List<Double> temperatures, int n) {
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
        for (double t : temperatures) {
            long id = step.newRequest();
            step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Sweeping()));
            slots.add(new SweepView.Slot(t, id, null, null));
            step.effect(new Effect.SampleSweepRow(id, context, params.withTemperature(t)));
        }
        step.state = step.state.withOverlay(new Overlay.Sweep(new SweepView(context.text(), n, slots, 0)));
    }

    static void arrived(Step step, Msg.SweepRowArrived msg) {
        settle(step, msg.request(), msg.row(), null);
    }

    static void failed(Step step, Msg.AnalysisFailed msg) {
        settle(step, msg.request(), null, msg.reason());
        step.error("sweep failed: " + msg.reason());
    }

    private static void settle(Step step, long request, SweepRow row, String failure) {
        if (step.state.requests().get(request) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(request));
        if (step.state.overlay() instanceof Overlay.Sweep s) {
            List<SweepView.Slot> slots = s.view().slots();
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).request() == request) {
                    SweepView.Slot done = new SweepView.Slot(slots.get(i).temperature(), 0, row, failure);
                    step.state = step.state.withOverlay(new Overlay.Sweep(s.view().withSlot(i, done)));
                }
            }
        }
    }

    static void handle(Step step, Overlay.Sweep overlay, Action action) {
        if (action == null) {
            return;
        }
        SweepView view = overlay.view();
        int page = lineRows(step);
        switch (action) {
            case CLOSE -> {
                for (SweepView.Slot s : view.slots()) {
                    if (s.pending()) {
                        step.state = step.state.withRequests(step.state.requests().minus(s.request()));
                    }
                }
                step.state = step.state.withOverlay(Overlay.NONE);
            }
            case CURSOR_UP -> scroll(step, view, view.top() - 1);
            case CURSOR_DOWN -> scroll(step, view, view.top() + 1);
            case PAGE_UP -> scroll(step, view, view.top() - page);
            case PAGE_DOWN -> scroll(step, view, view.top() + page);
            default -> { }
        }
    }

    static int lineRows(Step step) {
        return Math.max(1, Areas.of(step.state.size()).bodyRows() - HEADER_ROWS);
    }

    private static void scroll(Step step, SweepView view, int top) {
        int last = Math.max(0, view.lines() - lineRows(step));
        step.state = step.state.withOverlay(new Overlay.Sweep(view.withTop(Math.max(0, Math.min(last, top)))));
    }
}
