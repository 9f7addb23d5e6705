package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.SamplingParams;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model node was produced, on one line:
 * {@code {"backend", "model", "params": {every SamplingParams field}, "at", "finish"}}.
 * Every field is required, so a hand-edited file cannot silently fall back to defaults; a parameter
 * nobody stated (an imported tree that does not say it) is {@code null} ({@code seed} excepted:
 * there null is "no seed", and an unstated seed is listed in {@code "unknown_seed": true}).
 */
final class GenerationCodec {
    private GenerationCodec() {}

    static void write(JsonGenerator g, Generation generation) throws IOException {
        g.writeStartObject();
        g.writeStringField("backend", generation.backend());
        g.writeStringField("model", generation.model());
        g.writeFieldName("params");
        writeParams(g, generation.params(), generation);
        g.writeStringField("at", generation.at().toString());
        g.writeStringField("finish", generation.finish().label());
        if (!generation.knows("seed")) {
            g.writeBooleanField("unknown_seed", true);
        }
        g.writeEndObject();
    }

    /** Reads a generation or null; the input stands on its first token. */
    static Generation readNullable(JsonInput in, String what) throws SessionException {
        if (in.token() == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonInput.Mark start = in.mark();
        GenerationFields f = new GenerationFields();
        in.object(what, name -> {
            switch (name) {
                case "backend" -> f.backend = in.string("\"backend\"");
                case "model" -> f.model = in.string("\"model\"");
                case "params" -> f.params = readParams(in, f.unknown);
                case "at" -> f.at = in.instant("\"at\"");
                case "finish" -> f.finish = in.finishReason("\"finish\"");
                case "unknown_seed" -> f.unknownSeed = in.bool("\"unknown_seed\"");
                default -> throw in.unknownField(name, what);
            }
        });
        in.require(start, what, "backend", f.backend);
        in.require(start, what, "model", f.model);
        in.require(start, what, "params", f.params);
        in.require(start, what, "at", f.at);
        in.require(start, what, "finish", f.finish);
        if (f.unknownSeed) {
            f.unknown.add("seed");
        }
        return new Generation(f.backend, f.model, f.params, f.at, f.finish, f.unknown);
    }

    /** Sampling settings on their own, every one stated (a compare analysis's {@code params}). */
    static void writeParams(JsonGenerator g, SamplingParams p) throws IOException {
        writeParams(g, p, new Generation("", "", p, Instant.EPOCH, FinishReason.STOP));
    }

    /** Reads settings written by {@link #writeParams(JsonGenerator, SamplingParams)}; the input stands on their start. */
    static SamplingParams readParams(JsonInput in) throws SessionException {
        return readParams(in, new java.util.HashSet<>());
    }

    private static void writeParams(JsonGenerator g, SamplingParams p, Generation known) throws IOException {
        g.writeStartObject();
        number(g, "temperature", p.temperature(), known);
        number(g, "top_p", p.topP(), known);
        number(g, "top_k", p.topK(), known);
        number(g, "min_p", p.minP(), known);
        number(g, "max_tokens", p.maxTokens(), known);
        number(g, "n", p.n(), known);
        number(g, "top_logprobs", p.topLogprobs(), known);
        g.writeFieldName("seed");
        if (p.seed() == null) {
            g.writeNull();
        } else {
            g.writeNumber(p.seed());
        }
        if (!known.knows("stop")) {
            g.writeNullField("stop");
        } else {
            g.writeArrayFieldStart("stop");
            for (String s : p.stop()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double value, Generation known) throws IOException {
        if (!known.knows(name)) {
            g.writeNullField(name);
        } else if (value == Math.rint(value) && !name.equals("temperature") && !name.equals("top_p")
                && !name.equals("min_p")) {
            g.writeNumberField(name, (long) value);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static SamplingParams readParams(JsonInput in, java.util.Set<String> unknown) throws SessionException {
        JsonInput.Mark start = in.mark();
        ParamsFields f = new ParamsFields();
        SamplingParams d = SamplingParams.DEFAULTS;
        in.object("\"params\"", name -> {
            String field = JsonInput.quoted(name);
            if (in.token() == JsonToken.VALUE_NULL && !name.equals("seed") && Generation.PARAMS.contains(name)) {
                unknown.add(name); // stated by nobody: a placeholder value, never shown as a fact
                switch (name) {
                    case "temperature" -> f.temperature = d.temperature();
                    case "top_p" -> f.topP = d.topP();
                    case "top_k" -> f.topK = d.topK();
                    case "min_p" -> f.minP = d.minP();
                    case "max_tokens" -> f.maxTokens = d.maxTokens();
                    case "n" -> f.n = d.n();
                    case "top_logprobs" -> f.topLogprobs = d.topLogprobs();
                    default -> f.stop = d.stop();
                }
                return;
            }
            switch (name) {
                case "temperature" -> f.temperature = in.doubleValue(field);
                case "top_p" -> f.topP = in.doubleValue(field);
                case "top_k" -> f.topK = in.intValue(field);
                case "min_p" -> f.minP = in.doubleValue(field);
                case "max_tokens" -> f.maxTokens = in.intValue(field);
                case "n" -> f.n = in.intValue(field);
                case "top_logprobs" -> f.topLogprobs = in.intValue(field);
                case "seed" -> {
                    f.seed = in.nullableLong(field);
                    f.seedSeen = true;
                }
                case "stop" -> {
                    List<String> stop = new ArrayList<>();
                    in.array(field, i -> stop.add(in.string("a stop string")));
                    f.stop = stop;
                }
                default -> throw in.unknownField(name, "\"params\"");
            }
        });
        String what = "\"params\"";
        in.require(start, what, "temperature", f.temperature);
        in.require(start, what, "top_p", f.topP);
        in.require(start, what, "top_k", f.topK);
        in.require(start, what, "min_p", f.minP);
        in.require(start, what, "max_tokens", f.maxTokens);
        in.require(start, what, "n", f.n);
        in.require(start, what, "top_logprobs", f.topLogprobs);
        in.require(start, what, "seed", f.seedSeen ? Boolean.TRUE : null);
        in.require(start, what, "stop", f.stop);
        try {
            return new SamplingParams(f.temperature, f.topP, f.topK, f.minP, f.maxTokens, f.n, f.topLogprobs,
                    f.seed, f.stop);
        } catch (IllegalArgumentException e) {
            throw in.error(start, "invalid params: " + e.getMessage());
        }
    }

    private static final class GenerationFields {
        final java.util.Set<String> unknown = new java.util.TreeSet<>();
        boolean unknownSeed;
        String backend;
        String model;
        SamplingParams params;
        Instant at;
        FinishReason finish;
    }

    private static final class ParamsFields {
        Double temperature;
        Double topP;
        Integer topK;
        Double minP;
        Integer maxTokens;
        Integer n;
        Integer topLogprobs;
        Long seed;
        boolean seedSeen;
        List<String> stop;
    }
}
