package dev.weft.model.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.config.ServerDialect;
import dev.weft.loom.FinishReason;
import dev.weft.loom.SamplingParams;
import java.util.ArrayList;
import java.util.List;

/** Request fields and finish reasons shared by the OpenAI completions and chat endpoints. */
final class OpenAiFields {
    private OpenAiFields() {}

    /**
     * The sampling fields both endpoints take. {@code top_k} and {@code min_p} are not OpenAI's:
     * OpenAI rejects them, vLLM takes them (and is sent them always, because it otherwise applies the
     * model's own generation_config defaults), other compatible servers get them only when set.
     */
    static void sampling(ObjectNode body, SamplingParams params, int n, boolean stream, ServerDialect dialect) {
        body.put("temperature", params.temperature());
        body.put("top_p", params.topP());
        body.put("n", n);
        body.put("stream", stream);
        if (!params.stop().isEmpty()) {
            params.stop().forEach(body.putArray("stop")::add);
        }
        if (params.seed() != null) {
            body.put("seed", params.seed());
        }
        if (dialect == ServerDialect.VLLM) {
            body.put("top_k", params.topK() > 0 ? params.topK() : -1); // -1: off, in every vLLM version
            body.put("min_p", params.minP());
        } else if (dialect == ServerDialect.LLAMACPP) {
            // tools/server/server-task.cpp params_from_json_cmpl: every omitted field takes the server's default
            body.put("top_k", params.topK()); // 0: off
            body.put("min_p", params.minP());
            dev.weft.model.http.llamacpp.LlamaCppSamplers.off(body);
        } else if (dialect == ServerDialect.GENERIC) {
            if (params.topK() > 0) {
                body.put("top_k", params.topK());
            }
            if (params.minP() > 0) {
                body.put("min_p", params.minP());
            }
        }
    }

    /** A generic server is sent top_k and min_p only when they are on: when off, its own defaults apply. */
    static java.util.Set<String> defaultedWhenOff(ServerDialect dialect) {
        return dialect == ServerDialect.GENERIC ? java.util.Set.of("top_k", "min_p") : java.util.Set.of();
    }

    static List<String> unsent(SamplingParams params, ServerDialect dialect) {
        List<String> out = new ArrayList<>();
        if (dialect == ServerDialect.OPENAI) {
            if (params.topK() > 0) {
                out.add("top_k");
            }
            if (params.minP() > 0) {
                out.add("min_p");
            }
        }
        return out;
    }

    /** {@code finish_reason}: null while the choice runs; {@code length} is the token limit; anything else a stop. */
    static FinishReason finish(JsonNode reason) {
        if (reason == null || reason.isNull() || reason.isMissingNode() || reason.asText().isEmpty()) {
            return FinishReason.RUNNING;
        }
        return switch (reason.asText()) {
            case "length" -> FinishReason.LENGTH;
            case "abort", "cancelled" -> FinishReason.CUT;
            default -> FinishReason.STOP; // stop, eos, content_filter, tool_calls
        };
    }

    static int index(JsonNode choice, int position) {
        JsonNode index = choice.path("index");
        return index.canConvertToInt() ? index.asInt() : position;
    }
}
