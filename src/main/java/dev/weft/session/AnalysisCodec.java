package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.CandidateEstimate;
import dev.weft.analysis.CandidateProbability;
import dev.weft.analysis.CompareRecord;
import dev.weft.analysis.DistRecord;
import dev.weft.analysis.MultiverseRecord;
import dev.weft.analysis.SweepRecord;
import dev.weft.loom.Generation;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An analysis record's fields (weft-session(5), "Analyses"): among a journal entry's own fields
 * after its kind, and as an object of the file's {@code analyses} list with its kind and time first.
 * <pre>
 * dist:  "node", "cursor", "context", "spec", "prefix",
 *        "runs": [{"profile", "backend", "model", "failure", "candidates": [{"candidate",
 *                  "continuation", "probability", "estimate", "at_most"}]}]
 * sweep: "node", "cursor", "context", "n",
 *        "runs": [{"profile", "backend", "model", "rows": [{"temperature", "failure",
 *                  "samples": [{"generation", "tokens"}]}]}]
 * multiverse: "node", "cursor", "context", and {@link MultiverseCodec}'s fields
 * compare: "node", "cursor", "context", and {@link CompareCodec}'s fields
 * </pre>
 */
final class AnalysisCodec {
    static final String DIST = "dist";
    static final String SWEEP = "sweep";

    private AnalysisCodec() {}

    static boolean isKind(String kind) {
        return DIST.equals(kind) || SWEEP.equals(kind) || MultiverseCodec.KIND.equals(kind)
                || CompareCodec.KIND.equals(kind);
    }

    /** The record as an object of the file's list: kind, at, then its fields. */
    static void write(JsonGenerator g, AnalysisRecord record) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", record.kind());
        g.writeStringField("at", record.at().toString());
        writeFields(g, record);
        g.writeEndObject();
    }

    /** The fields after kind and at (a journal entry has its own). */
    static void writeFields(JsonGenerator g, AnalysisRecord record) throws IOException {
        g.writeFieldName("node");
        if (record.node() == null) {
            g.writeNull();
        } else {
            g.writeNumber(record.node().value());
        }
        g.writeNumberField("cursor", record.cursor());
        g.writeStringField("context", record.context());
        if (record instanceof DistRecord d) {
            writeDist(g, d);
        } else if (record instanceof SweepRecord s) {
            writeSweep(g, s);
        } else if (record instanceof MultiverseRecord m) {
            MultiverseCodec.writeFields(g, m);
        } else {
            CompareCodec.writeFields(g, (CompareRecord) record);
        }
    }

    private static void writeDist(JsonGenerator g, DistRecord d) throws IOException {
        g.writeStringField("spec", d.spec());
        g.writeStringField("prefix", d.prefix());
        g.writeArrayFieldStart("runs");
        for (DistRecord.Run run : d.runs()) {
            g.writeStartObject();
            writeSide(g, run.side());
            nullableString(g, "failure", run.failure());
            g.writeArrayFieldStart("candidates");
            if (run.distribution() != null) {
                for (CandidateProbability c : run.distribution().candidates()) {
                    g.writeStartObject();
                    g.writeStringField("candidate", c.candidate());
                    g.writeStringField("continuation", c.continuation());
                    g.writeNumberField("probability", c.probability());
                    g.writeStringField("estimate", c.estimate().label());
                    if (Double.isNaN(c.atMost())) {
                        g.writeNullField("at_most");
                    } else {
                        g.writeNumberField("at_most", c.atMost());
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSweep(JsonGenerator g, SweepRecord s) throws IOException {
        g.writeNumberField("n", s.n());
        g.writeArrayFieldStart("runs");
        for (SweepRecord.Run run : s.runs()) {
            g.writeStartObject();
            writeSide(g, run.side());
            g.writeArrayFieldStart("rows");
            for (SweepRecord.Row row : run.rows()) {
                g.writeStartObject();
                g.writeNumberField("temperature", row.temperature());
                nullableString(g, "failure", row.failure());
                g.writeArrayFieldStart("samples");
                for (SweepRecord.Sample sample : row.samples()) {
                    writeSample(g, sample);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A sample of a sweep or a comparison: {@code {"generation", "tokens"}}. */
    static void writeSample(JsonGenerator g, SweepRecord.Sample sample) throws IOException {
        g.writeStartObject();
        g.writeFieldName("generation");
        GenerationCodec.write(g, sample.generation());
        g.writeFieldName("tokens");
        TokenCodec.write(g, sample.tokens());
        g.writeEndObject();
    }

    private static void writeSide(JsonGenerator g, AnalysisRecord.Side side) throws IOException {
        g.writeStringField("profile", side.profile());
        g.writeStringField("backend", side.backend());
        g.writeStringField("model", side.model());
    }

    private static void nullableString(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    /** Reads one object of the file's list; the input stands on its start. */
    static AnalysisRecord read(JsonInput in, String what) throws SessionException {
        JsonInput.Mark start = in.mark();
        String[] kind = new String[1];
        Instant[] at = new Instant[1];
        Fields[] fields = new Fields[1];
        int[] count = new int[1];
        in.object(what, name -> {
            count[0]++;
            if (count[0] == 1) {
                if (!name.equals("kind")) {
                    throw in.fieldError("expected \"kind\" here: an analysis starts with its kind and time");
                }
                kind[0] = in.string("\"kind\"");
                if (!isKind(kind[0])) {
                    throw in.error("unknown analysis kind " + JsonInput.quoted(kind[0])
                            + " (dist, sweep, multiverse or compare)");
                }
                fields[0] = new Fields(kind[0]);
            } else if (name.equals("at")) {
                at[0] = in.instant("\"at\"");
            } else if (!fields[0].read(in, name)) {
                throw in.unknownField(name, "a " + kind[0] + " analysis");
            }
        });
        in.require(start, what, "kind", kind[0]);
        in.require(start, what, "at", at[0]);
        return fields[0].build(in, start, at[0]);
    }

    /** Collects a record's fields as they come, in any order. */
    static final class Fields {
        private final String kind;
        private NodeId node;
        private boolean nodeSeen;
        private Integer cursor;
        private String context;
        private String spec;
        private String prefix;
        private Integer n;
        private List<DistRecord.Run> distRuns;
        private List<SweepRecord.Run> sweepRuns;
        private final MultiverseCodec.Fields multiverse;
        private final CompareCodec.Fields compare;

        Fields(String kind) {
            this.kind = kind;
            multiverse = MultiverseCodec.KIND.equals(kind) ? new MultiverseCodec.Fields() : null;
            compare = CompareCodec.KIND.equals(kind) ? new CompareCodec.Fields() : null;
        }

        boolean read(JsonInput in, String name) throws SessionException {
            String field = JsonInput.quoted(name);
            if (multiverse != null && !isCommon(name)) {
                return multiverse.read(in, name);
            }
            if (compare != null && !isCommon(name)) {
                return compare.read(in, name);
            }
            switch (name) {
                case "node" -> {
                    node = in.nullableNodeId(field);
                    nodeSeen = true;
                }
                case "cursor" -> {
                    cursor = in.intValue(field);
                    if (cursor < 0) {
                        throw in.expected(field, "a token index (an integer >= 0)");
                    }
                }
                case "context" -> context = in.string(field);
                case "runs" -> {
                    if (DIST.equals(kind)) {
                        List<DistRecord.Run> runs = new ArrayList<>();
                        in.array(field, i -> runs.add(readDistRun(in)));
                        distRuns = runs;
                    } else {
                        List<SweepRecord.Run> runs = new ArrayList<>();
                        in.array(field, i -> runs.add(readSweepRun(in)));
                        sweepRuns = runs;
                    }
                }
                default -> {
                    return DIST.equals(kind) ? readDistField(in, name) : readSweepField(in, name);
                }
            }
            return true;
        }

        private static boolean isCommon(String name) {
            return name.equals("node") || name.equals("cursor") || name.equals("context");
        }

        private boolean readDistField(JsonInput in, String name) throws SessionException {
            switch (name) {
                case "spec" -> spec = in.string("\"spec\"");
                case "prefix" -> prefix = in.string("\"prefix\"");
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean readSweepField(JsonInput in, String name) throws SessionException {
            if (!name.equals("n")) {
                return false;
            }
            n = in.intValue("\"n\"");
            if (n < 1) {
                throw in.expected("\"n\"", "an integer >= 1");
            }
            return true;
        }

        AnalysisRecord build(JsonInput in, JsonInput.Mark start, Instant at) throws SessionException {
            String where = "this " + kind + " analysis";
            in.require(start, where, "node", nodeSeen ? Boolean.TRUE : null);
            in.require(start, where, "cursor", cursor);
            in.require(start, where, "context", context);
            if (multiverse != null) {
                return multiverse.build(in, start, at, node, cursor, context);
            }
            if (compare != null) {
                return compare.build(in, start, at, node, cursor, context);
            }
            in.require(start, where, "runs", DIST.equals(kind) ? distRuns : sweepRuns);
            try {
                if (DIST.equals(kind)) {
                    in.require(start, where, "spec", spec);
                    in.require(start, where, "prefix", prefix);
                    return new DistRecord(at, node, cursor, context, spec, prefix, distRuns);
                }
                in.require(start, where, "n", n);
                return new SweepRecord(at, node, cursor, context, n, sweepRuns);
            } catch (IllegalArgumentException e) {
                throw in.error(start, where + ": " + e.getMessage());
            }
        }
    }

    private static DistRecord.Run readDistRun(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        BackendFields side = new BackendFields();
        String[] failure = new String[1];
        boolean[] failureSeen = new boolean[1];
        List<CandidateProbability> candidates = new ArrayList<>();
        boolean[] candidatesSeen = new boolean[1];
        String where = "a dist run";
        in.object(where, name -> {
            if (side.read(in, name)) {
                return;
            }
            switch (name) {
                case "failure" -> {
                    failure[0] = nullableString(in, "\"failure\"");
                    failureSeen[0] = true;
                }
                case "candidates" -> {
                    in.array("\"candidates\"", i -> candidates.add(readCandidate(in)));
                    candidatesSeen[0] = true;
                }
                default -> throw in.unknownField(name, where);
            }
        });
        AnalysisRecord.Side s = side.side(in, start, where);
        in.require(start, where, "failure", failureSeen[0] ? Boolean.TRUE : null);
        in.require(start, where, "candidates", candidatesSeen[0] ? Boolean.TRUE : null);
        if (failure[0] == null && candidates.isEmpty()) {
            throw in.error(start, where + " has neither candidates nor a failure");
        }
        if (failure[0] != null && !candidates.isEmpty()) {
            throw in.error(start, where + " has both candidates and a failure");
        }
        return new DistRecord.Run(s, failure[0] == null ? new CandidateDistribution(candidates) : null, failure[0]);
    }

    private static CandidateProbability readCandidate(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        String[] text = new String[3];
        Double[] numbers = new Double[2];
        boolean[] atMostSeen = new boolean[1];
        String where = "a candidate";
        in.object(where, name -> {
            String field = JsonInput.quoted(name);
            switch (name) {
                case "candidate" -> text[0] = in.string(field);
                case "continuation" -> text[1] = in.string(field);
                case "estimate" -> text[2] = in.string(field);
                case "probability" -> {
                    numbers[0] = in.doubleValue(field);
                    if (!(numbers[0] >= 0 && numbers[0] <= 1)) {
                        throw in.expected(field, "a probability from 0 to 1");
                    }
                }
                case "at_most" -> {
                    numbers[1] = in.token() == JsonToken.VALUE_NULL ? Double.NaN : in.doubleValue(field);
                    atMostSeen[0] = true;
                }
                default -> throw in.unknownField(name, where);
            }
        });
        in.require(start, where, "candidate", text[0]);
        in.require(start, where, "continuation", text[1]);
        in.require(start, where, "probability", numbers[0]);
        in.require(start, where, "estimate", text[2]);
        in.require(start, where, "at_most", atMostSeen[0] ? Boolean.TRUE : null);
        CandidateEstimate estimate = null;
        for (CandidateEstimate e : CandidateEstimate.values()) {
            if (e.label().equals(text[2])) {
                estimate = e;
            }
        }
        if (estimate == null) {
            throw in.error(start, "unknown estimate " + JsonInput.quoted(text[2])
                    + " (exact, lower-bound, below-top-k or unknown)");
        }
        return new CandidateProbability(text[0], text[1], numbers[0], estimate, numbers[1]);
    }

    private static SweepRecord.Run readSweepRun(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        BackendFields side = new BackendFields();
        List<SweepRecord.Row> rows = new ArrayList<>();
        boolean[] rowsSeen = new boolean[1];
        String where = "a sweep run";
        in.object(where, name -> {
            if (side.read(in, name)) {
                return;
            }
            if (!name.equals("rows")) {
                throw in.unknownField(name, where);
            }
            in.array("\"rows\"", i -> rows.add(readRow(in)));
            rowsSeen[0] = true;
        });
        AnalysisRecord.Side s = side.side(in, start, where);
        in.require(start, where, "rows", rowsSeen[0] ? Boolean.TRUE : null);
        return new SweepRecord.Run(s, rows);
    }

    private static SweepRecord.Row readRow(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        Double[] temperature = new Double[1];
        String[] failure = new String[1];
        boolean[] failureSeen = new boolean[1];
        List<SweepRecord.Sample> samples = new ArrayList<>();
        boolean[] samplesSeen = new boolean[1];
        String where = "a sweep row";
        in.object(where, name -> {
            switch (name) {
                case "temperature" -> {
                    temperature[0] = in.doubleValue("\"temperature\"");
                    if (!(temperature[0] >= 0) || temperature[0].isInfinite()) {
                        throw in.expected("\"temperature\"", "a temperature >= 0");
                    }
                }
                case "failure" -> {
                    failure[0] = nullableString(in, "\"failure\"");
                    failureSeen[0] = true;
                }
                case "samples" -> {
                    in.array("\"samples\"", i -> samples.add(readSample(in)));
                    samplesSeen[0] = true;
                }
                default -> throw in.unknownField(name, where);
            }
        });
        in.require(start, where, "temperature", temperature[0]);
        in.require(start, where, "failure", failureSeen[0] ? Boolean.TRUE : null);
        in.require(start, where, "samples", samplesSeen[0] ? Boolean.TRUE : null);
        if (failure[0] != null && !samples.isEmpty()) {
            throw in.error(start, where + " has both samples and a failure");
        }
        return new SweepRecord.Row(temperature[0], samples, failure[0]);
    }

    static SweepRecord.Sample readSample(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        Generation[] generation = new Generation[1];
        TokenRun[] tokens = new TokenRun[1];
        String where = "a sweep sample";
        in.object(where, name -> {
            switch (name) {
                case "generation" -> {
                    if (in.token() == JsonToken.VALUE_NULL) {
                        throw in.expected("\"generation\"", "how the sample was made (an object)");
                    }
                    generation[0] = GenerationCodec.readNullable(in, "\"generation\"");
                }
                case "tokens" -> tokens[0] = TokenCodec.read(in, "\"tokens\"");
                default -> throw in.unknownField(name, where);
            }
        });
        in.require(start, where, "generation", generation[0]);
        in.require(start, where, "tokens", tokens[0]);
        return new SweepRecord.Sample(generation[0], tokens[0]);
    }

    private static String nullableString(JsonInput in, String what) throws SessionException {
        return in.token() == JsonToken.VALUE_NULL ? null : in.string(what);
    }
}
