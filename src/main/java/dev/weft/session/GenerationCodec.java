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
 * Every field is required, so a hand-edited file cannot silently fall back to defaults.
 */
final class GenerationCodec {
    private GenerationCodec() {}

    static void write(JsonGenerator g, Generation generation) throws IOException {
        g.writeStartObject();
        g.writeStringField("backend", generation.backend());
        g.writeStringField("model", generation.model());
        g.writeFieldName("params");
        writeParams(g, generation.params());
        g.writeStringField("at", generation.at().toString());
        g.writeStringField("finish", generation.finish().label());
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
                case "params" -> f.params = readParams(in);
                case "at" -> f.at = in.instant("\"at\"");
                case "finish" -> f.finish = in.finishReason("\"finish\"");
                default -> throw in.unknownField(name, what);
            }
        });
        in.require(start, what, "backend", f.backend);
        in.require(start, what, "model", f.model);
        in.require(start, what, "params", f.params);
        in.require(start, what, "at", f.at);
        in.require(start, what, "finish", f.finish);
        return new Generation(f.backend, f.model, f.params, f.at, f.finish);
    }

    private static void writeParams(JsonGenerator g, SamplingParams p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("temperature", p.temperature());
        g.writeNumberField("top_p", p.topP());
        g.writeNumberField("top_k", p.topK());
        g.writeNumberField("min_p", p.minP());
        g.writeNumberField("max_tokens", p.maxTokens());
        g.writeNumberField("n", p.n());
        g.writeNumberField("top_logprobs", p.topLogprobs());
        g.writeFieldName("seed");
        if (p.seed() == null) {
            g.writeNull();
        } else {
            g.writeNumber(p.seed());
        }
        g.writeArrayFieldStart("stop");
        for (String s : p.stop()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static SamplingParams readParams(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        ParamsFields f = new ParamsFields();
        in.object("\"params\"", name -> {
            String field = JsonInput.quoted(name);
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
