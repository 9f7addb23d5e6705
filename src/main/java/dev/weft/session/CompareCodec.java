package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compare analysis's own fields (weft-session(5), "Analyses"), after node, cursor and context:
 * <pre>
 * "params": {as in a generation}, "runs": [{"profile", "backend", "model", "failure",
 *                                          "samples": [{"generation", "tokens"}]}]
 * </pre>
 * Samples are written as a sweep's are.
 */
final class CompareCodec {
    static final String KIND = "compare";

    private CompareCodec() {}

    static void writeFields(JsonGenerator g, CompareRecord r) throws IOException {
        g.writeFieldName("params");
        GenerationCodec.writeParams(g, r.params());
        g.writeArrayFieldStart("runs");
        for (CompareRecord.Run run : r.runs()) {
            g.writeStartObject();
            g.writeStringField("profile", run.side().profile());
            g.writeStringField("backend", run.side().backend());
            g.writeStringField("model", run.side().model());
            if (run.failure() == null) {
                g.writeNullField("failure");
            } else {
                g.writeStringField("failure", run.failure());
            }
            g.writeArrayFieldStart("samples");
            for (SweepRecord.Sample sample : run.samples()) {
                AnalysisCodec.writeSample(g, sample);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Collects the fields as they come, in any order. */
    static final class Fields {
        private SamplingParams params;
        private List<CompareRecord.Run> runs;

        boolean read(JsonInput in, String name) throws SessionException {
            switch (name) {
                case "params" -> params = GenerationCodec.readParams(in);
                case "runs" -> {
                    List<CompareRecord.Run> read = new ArrayList<>();
                    in.array("\"runs\"", i -> read.add(readRun(in)));
                    runs = read;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        CompareRecord build(JsonInput in, JsonInput.Mark start, Instant at, NodeId node, int cursor, String context)
                throws SessionException {
            String where = "this compare analysis";
            in.require(start, where, "params", params);
            in.require(start, where, "runs", runs);
            try {
                return new CompareRecord(at, node, cursor, context, params, runs);
            } catch (IllegalArgumentException e) {
                throw in.error(start, where + ": " + e.getMessage());
            }
        }
    }

    private static CompareRecord.Run readRun(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        BackendFields side = new BackendFields();
        String[] failure = new String[1];
        boolean[] failureSeen = new boolean[1];
        List<SweepRecord.Sample> samples = new ArrayList<>();
        boolean[] samplesSeen = new boolean[1];
        String where = "a compare run";
        in.object(where, name -> {
            if (side.read(in, name)) {
                return;
            }
            switch (name) {
                case "failure" -> {
                    failure[0] = in.token() == JsonToken.VALUE_NULL ? null : in.string("\"failure\"");
                    failureSeen[0] = true;
                }
                case "samples" -> {
                    in.array("\"samples\"", i -> samples.add(AnalysisCodec.readSample(in)));
                    samplesSeen[0] = true;
                }
                default -> throw in.unknownField(name, where);
            }
        });
        AnalysisRecord.Side s = side.side(in, start, where);
        in.require(start, where, "failure", failureSeen[0] ? Boolean.TRUE : null);
        in.require(start, where, "samples", samplesSeen[0] ? Boolean.TRUE : null);
        if (failure[0] != null && !samples.isEmpty()) {
            throw in.error(start, where + " has both samples and a failure");
        }
        return new CompareRecord.Run(s, samples, failure[0]);
    }
}
