package dev.weft.tui.state;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.analysis.SweepRow;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep view of {@code :sweep}: {@code n} samples of {@code context} at each temperature, one
 * request per temperature, rows filling in as they arrive. {@code top} is the first line shown;
 * {@code selected} is the line of the sample the cursor is on (a line of {@link #lines()}), which
 * {@code whole} shows in full.
 *
 * @param node     the node the context ends in, and {@code cursor} the token in it: where an added sample hangs
 * @param sides    the backends asked (the one in use, then the one of {@code --vs}), as the session records them
 * @param recorded whether the run is kept in the session already
 */
public record SweepView(String context, int n, List<Slot> slots, int top, NodeId node, int cursor,
                        List<AnalysisRecord.Side> sides, int selected, boolean whole, boolean recorded) {
    public SweepView {
        slots = List.copyOf(slots);
        sides = List.copyOf(sides);
    }

    /**
     * One temperature: in flight ({@code row} and {@code failure} null), arrived, or failed.
     *
     * @param request the request sampling it
     * @param samples the samples as the session keeps them (how each was made), once arrived
     */
    public record Slot(double temperature, long request, SweepRow row, String failure, List<SweepRecord.Sample> samples,
                       int side) {
        public Slot {
            samples = List.copyOf(samples);
        }

        public static Slot waiting(double temperature, long request, int side) {
            return new Slot(temperature, request, null, null, List.of(), side);
        }

        public Slot settled(SweepRow arrived, String failed, List<SweepRecord.Sample> kept) {
            return new Slot(temperature, 0, arrived, failed, kept, side);
        }

        public boolean pending() {
            return row == null && failure == null;
        }
    }

    public static SweepView opened(String context, int n, List<Slot> slots, NodeId node, int cursor,
                                   List<AnalysisRecord.Side> sides) {
        return new SweepView(context, n, slots, 0, node, cursor, sides, -1, false, false);
    }

    /** The view of a kept run (the replay player shows it as the loom did): every backend's rows. */
    public static SweepView of(SweepRecord record) {
        List<Slot> slots = new ArrayList<>();
        List<AnalysisRecord.Side> sides = new ArrayList<>();
        for (SweepRecord.Run run : record.runs()) {
            for (SweepRecord.Row row : run.rows()) {
                slots.add(new Slot(row.temperature(), 0, row.figures(), row.failure(), row.samples(), sides.size()));
            }
            sides.add(run.side());
        }
        return new SweepView(record.context(), record.n(), slots, 0, record.node(), record.cursor(), sides, -1,
                false, true);
    }

    public SweepView withSide(int i, AnalysisRecord.Side side) {
        List<AnalysisRecord.Side> out = new ArrayList<>(sides);
        out.set(i, side);
        return new SweepView(context, n, slots, top, node, cursor, out, selected, whole, recorded);
    }

    public SweepView withSlot(int i, Slot slot) {
        List<Slot> out = new ArrayList<>(slots);
        out.set(i, slot);
        return new SweepView(context, n, out, top, node, cursor, sides, selected, whole, recorded);
    }

    public SweepView withTop(int newTop) {
        return new SweepView(context, n, slots, newTop, node, cursor, sides, selected, whole, recorded);
    }

    public SweepView withSelected(int line) {
        return new SweepView(context, n, slots, top, node, cursor, sides, line, whole, recorded);
    }

    public SweepView withWhole(boolean w) {
        return new SweepView(context, n, slots, top, node, cursor, sides, selected, w, recorded);
    }

    public SweepView withRecorded() {
        return new SweepView(context, n, slots, top, node, cursor, sides, selected, whole, true);
    }

    /** The lines the view draws below its heading: per temperature its figures and one line per sample. */
    public int lines() {
        int lines = 0;
        for (Slot s : slots) {
            lines += 1 + (s.row() == null ? 0 : s.row().samples().size());
        }
        return lines;
    }

    /** Whether every temperature has arrived or failed. */
    public boolean settled() {
        return slots.stream().noneMatch(Slot::pending);
    }

    /** The sample on {@code line} as {slot, sample}, or null when the line is a temperature's figures. */
    public int[] sampleAt(int line) {
        int at = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            int count = s.row() == null ? 0 : s.row().samples().size();
            if (line > at && line <= at + count) {
                return new int[] {i, line - at - 1};
            }
            at += 1 + count;
        }
        return null;
    }

    /** The lines that hold a sample, in order. */
    public List<Integer> sampleLines() {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        for (Slot s : slots) {
            int count = s.row() == null ? 0 : s.row().samples().size();
            for (int i = 1; i <= count; i++) {
                out.add(at + i);
            }
            at += 1 + count;
        }
        return out;
    }

    /** The run as the session keeps it, one run per backend; rows still sampling are kept as not arrived. */
    public SweepRecord record(java.time.Instant at) {
        List<SweepRecord.Run> runs = new ArrayList<>();
        for (int side = 0; side < sides.size(); side++) {
            List<SweepRecord.Row> rows = new ArrayList<>();
            for (Slot s : slots) {
                if (s.side() == side) {
                    rows.add(new SweepRecord.Row(s.temperature(), s.failure() == null ? s.samples() : List.of(),
                            s.pending() ? "closed before it arrived" : s.failure()));
                }
            }
            runs.add(new SweepRecord.Run(sides.get(side), rows));
        }
        return new SweepRecord(at, node, cursor, context, n, runs);
    }
}
