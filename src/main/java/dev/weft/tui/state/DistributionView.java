package dev.weft.tui.state;

import dev.weft.analysis.CandidateDistribution;

/**
 * The distribution view: the probability of each candidate answer as the continuation of
 * {@code context}, one bar per candidate. {@code top} is the first bar row shown (the list scrolls
 * when there are more candidates than rows); {@code sorted} orders the bars most probable first
 * instead of in candidate order.
 *
 * @param request      the scoring in flight, or 0 once it has arrived
 * @param spec         the candidate set as typed ({@code 0..100}, {@code a,b,c}, {@code @FILE})
 * @param distribution null until the scoring arrives
 */
public record DistributionView(long request, String spec, String context, CandidateDistribution distribution,
                               boolean sorted, int top) {

    public static DistributionView scoring(long request, String spec, String context) {
        return new DistributionView(request, spec, context, null, false, 0);
    }

    public DistributionView arrived(CandidateDistribution d) {
        return new DistributionView(0, spec, context, d, sorted, 0);
    }

    public DistributionView withTop(int newTop) {
        return new DistributionView(request, spec, context, distribution, sorted, newTop);
    }

    public DistributionView withSorted(boolean s) {
        return new DistributionView(request, spec, context, distribution, s, top);
    }
}
