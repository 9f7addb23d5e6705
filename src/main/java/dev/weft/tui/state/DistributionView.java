package dev.weft.tui.state;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.DistRecord;
import dev.weft.loom.NodeId;

/**
 * The distribution view: the probability of each candidate answer as the continuation of
 * {@code context}, one bar per candidate (two, side by side, with a second backend). {@code top} is
 * the first bar row shown (the list scrolls when there are more candidates than rows);
 * {@code sorted} orders the bars most probable first instead of in candidate order.
 *
 * @param request      the scoring in flight, or 0 once it has arrived
 * @param spec         the candidate set as typed ({@code 0..100}, {@code a,b,c}, {@code @FILE})
 * @param distribution null until the scoring arrives
 * @param node         the node the context ends in, and {@code cursor} the token in it (for the record)
 * @param side         the backend asked, as the session records it
 * @param vs           the second backend's side ({@code :dist SPEC --vs BACKEND}), or null
 * @param recorded     whether the run is kept in the session already
 */
public record DistributionView(long request, String spec, String context, CandidateDistribution distribution,
                               boolean sorted, int top, NodeId node, int cursor, AnalysisRecord.Side side, Vs vs,
                               boolean recorded) {

    /** The second backend: in flight ({@code request} not 0), arrived, or failed. */
    public record Vs(long request, AnalysisRecord.Side side, CandidateDistribution distribution, String failure) {
        public boolean pending() {
            return distribution == null && failure == null;
        }
    }

    public static DistributionView scoring(long request, String spec, String context, NodeId node, int cursor,
                                           AnalysisRecord.Side side) {
        return new DistributionView(request, spec, context, null, false, 0, node, cursor, side, null, false);
    }

    /** The view of a kept run (the replay player shows it as the loom did), both backends when there were two. */
    public static DistributionView of(DistRecord record) {
        DistRecord.Run run = record.runs().get(0);
        Vs vs = null;
        if (record.runs().size() > 1) {
            DistRecord.Run other = record.runs().get(1);
            vs = new Vs(0, other.side(), other.distribution(), other.failure());
        }
        return new DistributionView(0, record.spec(), record.context(), run.distribution(), false, 0, record.node(),
                record.cursor(), run.side(), vs, true);
    }

    public DistributionView arrived(CandidateDistribution d, AnalysisRecord.Side answered) {
        return new DistributionView(0, spec, context, d, sorted, 0, node, cursor, answered, vs, recorded);
    }

    public DistributionView withVs(Vs v) {
        return new DistributionView(request, spec, context, distribution, sorted, top, node, cursor, side, v, recorded);
    }

    public DistributionView withRecorded() {
        return new DistributionView(request, spec, context, distribution, sorted, top, node, cursor, side, vs, true);
    }

    public DistributionView withTop(int newTop) {
        return new DistributionView(request, spec, context, distribution, sorted, newTop, node, cursor, side, vs, recorded);
    }

    public DistributionView withSorted(boolean s) {
        return new DistributionView(request, spec, context, distribution, s, top, node, cursor, side, vs, recorded);
    }

    /** Whether every backend asked has answered or failed. */
    public boolean settled() {
        return distribution != null && (vs == null || !vs.pending());
    }

    /** The run as the session keeps it, one run per backend. */
    public DistRecord record(java.time.Instant at, String prefix) {
        java.util.List<DistRecord.Run> runs = new java.util.ArrayList<>();
        runs.add(new DistRecord.Run(side, distribution, null));
        if (vs != null) {
            runs.add(new DistRecord.Run(vs.side(), vs.distribution(), vs.distribution() == null
                    ? (vs.failure() == null ? "closed before it arrived" : vs.failure()) : null));
        }
        return new DistRecord(at, node, cursor, context, spec, prefix, runs);
    }
}
