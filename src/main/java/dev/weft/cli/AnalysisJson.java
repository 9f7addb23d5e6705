package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateProbability;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.analysis.SweepRow;
import dev.weft.model.Completion;

/**
 * A kept analysis as the numbers {@code weft dist --json}, {@code weft sweep --json} and
 * {@code weft multiverse --json} print (a comparison: each side's samples with a sweep row's
 * figures), with where and on what it ran: for {@code weft stats --json}.
 */
final class AnalysisJson {
    private AnalysisJson() {}

    static ObjectNode of(AnalysisRecord r) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("kind", r.kind());
        o.put("at", r.at().toString());
        if (r.node() == null) {
            o.putNull("node");
        } else {
            o.put("node", r.node().value());
        }
        o.put("cursor", r.cursor());
        o.put("context", r.context());
        ArrayNode runs = o.putArray("runs");
        if (r instanceof DistRecord d) {
            o.put("candidates", d.spec());
            o.put("prefix", d.prefix());
            for (DistRecord.Run run : d.runs()) {
                ObjectNode side = side(runs.addObject(), run.side(), run.failure());
                if (run.distribution() != null) {
                    dist(side, run.distribution());
                }
            }
        } else if (r instanceof MultiverseRecord m) {
            o.remove("runs");
            side(o, m.side(), null);
            ArrayNode below = o.putArray("below");
            m.below().forEach(below::add);
            MultiverseJson.kept(o, m.multiverse());
        } else if (r instanceof CompareRecord c) {
            o.put("n", c.params().n());
            o.put("temperature", c.params().temperature());
            for (CompareRecord.Run run : c.runs()) {
                ObjectNode side = side(runs.addObject(), run.side(), run.failure());
                if (run.failure() == null) {
                    samples(side, SweepRow.of(c.params().temperature(),
                            run.samples().stream().map(SweepRecord.Sample::completion).toList()));
                }
            }
        } else {
            SweepRecord s = (SweepRecord) r;
            o.put("n", s.n());
            for (SweepRecord.Run run : s.runs()) {
                ArrayNode rows = side(runs.addObject(), run.side(), null).putArray("rows");
                for (SweepRecord.Row row : run.rows()) {
                    ObjectNode line = rows.addObject();
                    line.put("temperature", row.temperature());
                    SweepRow figures = row.figures();
                    if (figures == null) {
                        line.put("failure", row.failure());
                        continue;
                    }
                    samples(line, figures);
                }
            }
        }
        return o;
    }

    /** Samples with their figures, as weft sweep --json writes a row. */
    private static void samples(ObjectNode o, SweepRow figures) {
        o.set("diversity", DiversityJson.of(figures.diversity()));
        DiversityJson.number(o, "mean_token_probability", figures.meanTokenProbability());
        ArrayNode samples = o.putArray("samples");
        for (Completion c : figures.samples()) {
            samples.add(c.text());
        }
    }

    private static ObjectNode side(ObjectNode o, AnalysisRecord.Side side, String failure) {
        o.put("profile", side.profile());
        o.put("backend", side.backend());
        o.put("model", side.model());
        if (failure != null) {
            o.put("failure", failure);
        }
        return o;
    }

    private static void dist(ObjectNode run, CandidateDistribution d) {
        run.put("method", d.isExact() ? "exact" : "top-k");
        distribution(run, d);
    }

    /** A distribution's figures and candidates, as {@code weft dist --json} and the kept runs both write them. */
    static void distribution(ObjectNode run, CandidateDistribution d) {
        run.put("top", d.top().candidate());
        run.put("total_mass", d.totalMass());
        DiversityJson.number(run, "entropy_bits", d.entropyBits());
        run.put("max_entropy_bits", d.maxEntropyBits());
        DiversityJson.number(run, "entropy_ratio", d.entropyRatio());
        ArrayNode list = run.putArray("candidates");
        for (CandidateProbability c : d.candidates()) {
            ObjectNode o = list.addObject();
            o.put("candidate", c.candidate());
            o.put("continuation", c.continuation());
            o.put("probability", c.probability());
            o.put("estimate", c.estimate().label());
            DiversityJson.number(o, "at_most", c.atMost());
        }
    }
}
