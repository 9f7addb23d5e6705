package dev.weft.tui.state;

import dev.weft.analysis.SweepRow;
import java.util.List;

/**
 * The sweep view of {@code :sweep}: {@code n} samples of {@code context} at each temperature, one
 * request per temperature, rows filling in as they arrive. {@code top} is the first line shown.
 */
public record SweepView(String context, int n, List<Slot> slots, int top) {
    public SweepView {
        slots = List.copyOf(slots);
    }

    /**
     * One temperature: in flight ({@code row} and {@code failure} null), arrived, or failed.
     *
     * @param request the request sampling it
     */
    public record Slot(double temperature, long request, SweepRow row, String failure) {
        public boolean pending() {
            return row == null && failure == null;
        }
    }

    public SweepView withSlot(int i, Slot slot) {
        List<Slot> out = new java.util.ArrayList<>(slots);
        out.set(i, slot);
        return new SweepView(context, n, out, top);
    }

    public SweepView withTop(int newTop) {
        return new SweepView(context, n, slots, newTop);
    }

    /** The lines the view draws below its heading: per temperature its figures and one line per sample. */
    public int lines() {
        int lines = 0;
        for (Slot s : slots) {
            lines += 1 + (s.row() == null ? 0 : s.row().samples().size());
        }
        return lines;
    }
}
