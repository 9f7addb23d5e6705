package dev.weft.tui.state;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.SiblingFigures;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.Generation;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The compare view: the current path continued by two backends with the same sampling settings,
 * one column each. Column 0 is the backend in use, column 1 the profile asked for.
 *
 * @param node     the node both continue (the completions become its children when added)
 * @param context  the text they continue, for the heading
 * @param selected the column the add key takes
 * @param top      the first line of the columns shown (scrolling)
 * @param recorded whether the result is kept in the session yet (once every column is in, or on closing)
 */
public record CompareView(NodeId node, String context, SamplingParams params, List<Column> columns, int selected,
                          int top, boolean recorded) {
    public CompareView {
        columns = List.copyOf(columns);
    }

    public CompareView(NodeId node, String context, SamplingParams params, List<Column> columns, int selected, int top) {
        this(node, context, params, columns, selected, top, false);
    }

    /** The view as the loom showed a kept result: every column in (or failed). */
    public static CompareView of(CompareRecord record) {
        List<Column> columns = new ArrayList<>();
        for (CompareRecord.Run run : record.runs()) {
            AnalysisRecord.Side side = run.side();
            Column waiting = new Column(0, side.profile(), side.backend(), side.model(), null, null, null);
            columns.add(run.failure() != null ? waiting.failed(run.failure()) : waiting.arrived(side.backend(), side.model(),
                    run.samples().stream().map(SweepRecord.Sample::completion).toList()));
        }
        return new CompareView(record.node(), record.context(), record.params(), columns, 0, 0, true);
    }

    /**
     * The result as the session keeps it: each column's samples made at {@code at} with the
     * view's settings, or why it has none (a column still sampling: the view closed before it came).
     */
    public CompareRecord record(Instant at, AnalysisRecord.Side inUse, int cursor) {
        List<CompareRecord.Run> runs = new ArrayList<>();
        for (Column c : columns) {
            String profile = c.profile() == null ? inUse.profile() : c.profile();
            // a column without an answer names only what it was asked by (the backend in use: what it is)
            AnalysisRecord.Side side = c.completions() != null ? new AnalysisRecord.Side(profile, c.backend(), c.model())
                    : c.profile() == null ? inUse : new AnalysisRecord.Side(profile, "", "");
            if (c.completions() == null) {
                runs.add(new CompareRecord.Run(side, List.of(), c.isWaiting() ? "the view closed before it arrived"
                        : c.failure()));
                continue;
            }
            List<SweepRecord.Sample> samples = new ArrayList<>();
            for (Completion done : c.completions()) {
                samples.add(new SweepRecord.Sample(new Generation(c.backend(), c.model(), params, at, done.finish()),
                        done.run()));
            }
            runs.add(new CompareRecord.Run(side, samples, null));
        }
        return new CompareRecord(at, node, cursor, context, params, runs);
    }

    /** Every column is in or failed. */
    public boolean settled() {
        return columns.stream().noneMatch(Column::isWaiting);
    }

    public CompareView withRecorded() {
        return new CompareView(node, context, params, columns, selected, top, true);
    }

    /**
     * One backend's side.
     *
     * @param profile     the name it was opened by (a config profile, or embedded); null for the backend in use
     * @param completions null until they arrive
     * @param figures     null until they arrive
     * @param failure     why the backend failed, or null
     */
    public record Column(long request, String profile, String backend, String model, List<Completion> completions,
                         SiblingFigures figures, String failure) {
        public Column {
            completions = completions == null ? null : List.copyOf(completions);
        }

        public static Column waiting(long request, String profile, String label) {
            return new Column(request, profile, label, "", null, null, null);
        }

        public Column arrived(String newBackend, String newModel, List<Completion> sampled) {
            return new Column(0, profile, newBackend, newModel, sampled,
                    SiblingFigures.of(sampled.stream().map(Completion::run).toList()), null);
        }

        public Column failed(String reason) {
            return new Column(0, profile, backend, model, null, null, reason);
        }

        public boolean isWaiting() {
            return request != 0;
        }
    }

    public CompareView withColumn(int i, Column column) {
        List<Column> next = new ArrayList<>(columns);
        next.set(i, column);
        return new CompareView(node, context, params, next, selected, top, recorded);
    }

    public CompareView withSelected(int column) {
        return new CompareView(node, context, params, columns, column, top, recorded);
    }

    public CompareView withTop(int line) {
        return new CompareView(node, context, params, columns, selected, line, recorded);
    }

    /** The column waiting for {@code request}, or -1. */
    public int columnOf(long request) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isWaiting() && columns.get(i).request() == request) {
                return i;
            }
        }
        return -1;
    }
}
