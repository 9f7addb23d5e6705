package dev.weft.tui.state;

import dev.weft.analysis.SiblingFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
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
 */
public record CompareView(NodeId node, String context, SamplingParams params, List<Column> columns, int selected,
                          int top) {
    public CompareView {
        columns = List.copyOf(columns);
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
        return new CompareView(node, context, params, next, selected, top);
    }

    public CompareView withSelected(int column) {
        return new CompareView(node, context, params, columns, column, top);
    }

    public CompareView withTop(int line) {
        return new CompareView(node, context, params, columns, selected, line);
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
