package dev.weft.tui.update;

import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Anchor;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.CompareView;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import java.util.List;

/**
 * The compare view: continue the current path on the backend in use and on another one (n
 * completions each, the current sampling settings, off the UI thread), move between the two
 * columns, and add a column's completions to the tree as children of the current node. Once both
 * sides are in (or the view closes with one in), the result is kept in the session.
 */
final class CompareKeys {
    private CompareKeys() {}

    /** Opens the view on the anchor node (the one the status bar names) and asks both backends for its continuations. */
    static void open(Step step, String profile) {
        NodeId current = Anchor.of(step.state) == null ? null : Anchor.of(step.state).id();
        if (current == null) {
            step.info("no text yet: i writes a prompt");
            return;
        }
        Prompt prompt = Prompt.of(step.state.loom().pathRuns(current));
        SamplingParams params = step.state.settings().params();
        Backend backend = step.state.settings().backend();
        long left = step.newRequest();
        long right = step.newRequest();
        CompareView view = new CompareView(current, prompt.text(), params, List.of(
                CompareView.Column.waiting(left, null, backend.name()),
                CompareView.Column.waiting(right, profile, profile)), 0, 0);
        step.state = step.state.withRequests(step.state.requests()
                        .plus(left, new Request.Comparing()).plus(right, new Request.Comparing()))
                .withOverlay(new Overlay.Compare(view));
        step.effect(new Effect.CompareContinue(left, null, prompt, params));
        step.effect(new Effect.CompareContinue(right, profile, prompt, params));
        step.info("sampling " + params.n() + " on " + backend.name() + " and " + params.n() + " on " + profile + "…");
    }

    static void arrived(Step step, Msg.CompareArrived msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Compare c && c.view().columnOf(msg.request()) >= 0) {
            CompareView view = c.view();
            int i = view.columnOf(msg.request());
            view = view.withColumn(i, view.columns().get(i).arrived(msg.backend(), msg.model(), msg.completions()));
            if (view.settled()) {
                view = keep(step, view);
            }
            step.state = step.state.withOverlay(new Overlay.Compare(view));
            // a failed side keeps its error on the message line
            if (view.columns().stream().allMatch(col -> col.completions() != null)) {
                step.info("kept in the session · a adds the selected column's completions to the tree");
            }
        }
    }

    /**
     * Keeps the result in the session (once): what each side returned, so the replay player shows
     * the columns again without a model. Nothing arrived, nothing kept.
     */
    private static CompareView keep(Step step, CompareView view) {
        if (view.recorded() || view.columns().stream().allMatch(c -> c.completions() == null)) {
            return view;
        }
        int cursor = step.state.loom().contains(view.node())
                ? Math.max(0, step.state.loom().node(view.node()).tokens().size() - 1) : 0;
        step.effect(new Effect.RecordAnalysis(view.record(step.now, DistributionKeys.side(step, null), cursor)));
        return view.withRecorded();
    }

    static void failed(Step step, Msg.CompareFailed msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Compare c && c.view().columnOf(msg.request()) >= 0) {
            CompareView view = c.view();
            int i = view.columnOf(msg.request());
            view = view.withColumn(i, view.columns().get(i).failed(msg.reason()));
            if (view.settled()) {
                view = keep(step, view);
            }
            step.state = step.state.withOverlay(new Overlay.Compare(view));
        }
        step.error("compare failed: " + msg.reason());
    }

    static void handle(Step step, Overlay.Compare overlay, Action action) {
        if (action == null) {
            return;
        }
        CompareView view = overlay.view();
        switch (action) {
            case CLOSE -> close(step, view);
            case COLUMN_LEFT -> show(step, view.withSelected(0));
            case COLUMN_RIGHT -> show(step, view.withSelected(1));
            case CURSOR_UP -> show(step, view.withTop(Math.max(0, view.top() - 1)));
            case CURSOR_DOWN -> show(step, view.withTop(view.top() + 1));
            case ADD_COLUMN -> add(step, view);
            case CHOOSE_VS -> {
                close(step, view);
                ModelPickerKeys.openForVs(step);
            }
            default -> { }
        }
    }

    private static void close(Step step, CompareView view) {
        keep(step, view); // what arrived is kept; a side still sampling says so
        for (CompareView.Column c : view.columns()) {
            if (c.isWaiting()) {
                step.state = step.state.withRequests(step.state.requests().minus(c.request()));
            }
        }
        step.state = step.state.withOverlay(Overlay.NONE);
    }

    /** Each completion of the selected column becomes a model child of the node, recording the backend that wrote it. */
    private static void add(Step step, CompareView view) {
        CompareView.Column column = view.columns().get(view.selected());
        if (column.completions() == null) {
            step.info(column.isWaiting() ? "still sampling" : "nothing to add: " + column.failure());
            return;
        }
        if (!step.state.loom().contains(view.node())) {
            step.error("the node the comparison continues is gone");
            return;
        }
        NodeId first = null;
        for (Completion c : column.completions()) {
            Generation generation = new Generation(column.backend(), column.model(), view.params(), step.now, c.finish());
            NodeId added = step.apply(new LoomAction.Append(view.node(), c.run(), Origin.MODEL, generation)).node();
            first = first == null ? added : first;
        }
        if (first == null) {
            step.info("no completions to add");
            return;
        }
        int end = ReadPath.of(step.state.loom(), first).size() - 1;
        step.state = step.state.withOverlay(Overlay.NONE).withFocus(new Focus(first, Math.max(0, end)));
        int n = column.completions().size();
        step.info("added " + n + (n == 1 ? " completion" : " completions") + " from " + column.model() + " as children");
    }

    private static void show(Step step, CompareView view) {
        step.state = step.state.withOverlay(new Overlay.Compare(view));
    }
}
