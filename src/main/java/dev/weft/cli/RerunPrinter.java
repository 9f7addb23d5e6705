package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.replay.RerunReport;
import dev.weft.replay.StepOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code weft replay --against}: how each recorded step fared with the other model, as text or one JSON object. */
final class RerunPrinter {
    private RerunPrinter() {}

    static void text(RerunReport report, PrintWriter out) {
        out.println("  seq  outcome  step");
        for (StepOutcome step : report.steps()) {
            out.printf(Locale.ROOT, "%5d  %-7s  %s: %s%n", step.seq(), step.outcome().label(), step.kind(),
                    step.note());
        }
        out.printf(Locale.ROOT, "%d steps: %d same, %d changed, %d moved, %d skipped; %d requests re-issued,"
                        + " %d completions, %d with the recorded text%n", report.steps().size(),
                report.count(StepOutcome.Outcome.SAME), report.count(StepOutcome.Outcome.CHANGED),
                report.count(StepOutcome.Outcome.MOVED), report.count(StepOutcome.Outcome.SKIPPED),
                report.requests(), report.completions(), report.unchanged());
    }

    static ObjectNode json(RerunReport report) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (StepOutcome step : report.steps()) {
            ObjectNode o = steps.addObject();
            o.put("seq", step.seq());
            o.put("kind", step.kind());
            o.put("outcome", step.outcome().label());
            o.put("note", step.note());
        }
        root.put("requests", report.requests());
        root.put("completions", report.completions());
        root.put("unchanged_completions", report.unchanged());
        for (StepOutcome.Outcome outcome : StepOutcome.Outcome.values()) {
            root.put(outcome.label(), report.count(outcome));
        }
        return root;
    }
}
