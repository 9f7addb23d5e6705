package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.AttractorReport;
import dev.weft.analysis.Convergence;
import dev.weft.analysis.Perturbation;
import dev.weft.analysis.PerturbedRun;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;

/** The JSON shape of one model's attractor experiment. */
final class AttractorJson {
    private AttractorJson() {}

    static ObjectNode run(LanguageModel model, AttractorReport report) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("backend", model.backend());
        o.put("model", model.model());
        o.set("original", completion(report.original()));
        ObjectNode ending = o.putObject("original_ending");
        ending.put("text", report.ending().text());
        ending.put("start_token", report.ending().startToken());
        ending.put("rule", report.ending().rule());
        o.put("regenerate_temperature", report.regenerateTemperature());
        ArrayNode runs = o.putArray("perturbations");
        for (PerturbedRun run : report.runs()) {
            ObjectNode r = runs.addObject();
            Perturbation p = run.perturbation();
            r.put("kind", p.kind());
            r.put("at", p.at());
            r.put("text", p.text());
            if (p instanceof Perturbation.Swap swap) {
                r.put("alternative", swap.alternative());
                r.put("logprob", swap.logprob());
            }
            r.set("regenerated", completion(run.regenerated()));
            Convergence c = run.convergence();
            if (c.rejoined()) {
                r.put("rejoin_after", c.rejoinAfter());
            } else {
                r.putNull("rejoin_after");
            }
            r.put("ending_matched", c.endingMatched());
            r.put("ending_distance", c.endingDistance());
        }
        DiversityJson.number(o, "share_converged", report.shareConverged());
        o.put("rejoined", report.rejoinedCount());
        DiversityJson.number(o, "median_rejoin", report.medianRejoin());
        return o;
    }

    private static ObjectNode completion(Completion c) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("text", c.text());
        o.put("finish_reason", c.finish().label());
        o.set("tokens", TokenJson.tokens(c.tokens()));
        return o;
    }
}
