package dev.weft.tui.state;

import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.DistRecord;
import dev.weft.loom.NodeId;

/**
 * The distribution view: the probability of each candidate answer as the continuation of
 * {@code context}, one bar per candidate. {@code top} is the first bar row shown (the list scrolls
 * when there are more candidates than rows); {@code sorted} orders the bars most probable first
 * instead of in candidate order.
 *
 * @param request      the scoring in flight, or 0 once it has arrived
 * @param spec         the candidate set as typed ({@code 0..100}, {@code a,b,c}, {@code @FILE})
 * @param distribution null until the scoring arrives
 * @param node         the node the context ends in, and {@code cursor} the token in it (for the record)
 * @param side         the backend asked, as the session records it
 */
public record DistributionView(long request, String spec, String context, CandidateDistribution distribution,
                               boolean sorted, int top, NodeId node, int cursor, AnalysisRecord.Side side) {

    public static DistributionView scoring(long request, String spec, String context, NodeId node, int cursor,
                                           AnalysisRecord.Side side) {
        return new DistributionView(request, spec, context, null, false, 0, node, cursor, side);
    }

    /** The view of a kept run (the replay player shows it as the loom did); its first backend's bars. */
    public static DistributionView of(DistRecord record) {
        DistRecord.Run run = record.runs().get(0);
        return new DistributionView(0, record.spec(), record.context(), run.distribution(), false, 0, record.node(),
                record.cursor(), run.side());
    }

    public DistributionView arrived(CandidateDistribution d, AnalysisRecord.Side answered) {
        return new DistributionView(0, spec, context, d, sorted, 0, node, cursor, answered);
    }

    public DistributionView withTop(int newTop) {
        return new DistributionView(request, spec, context, distribution, sorted, newTop, node, cursor, side);
    }

    public DistributionView withSorted(boolean s) {
        return new DistributionView(request, spec, context, distribution, s, top, node, cursor, side);
    }
}
