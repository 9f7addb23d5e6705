package dev.weft.model.http.llamacpp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * llama.cpp's samplers beyond temperature, top-k, top-p and min-p, turned off. The server fills
 * every field a request omits with its own default (tools/server/server-task.cpp
 * params_from_json_cmpl; for /v1, server-common.cpp oaicompat_*_params_parse), so weft sends them
 * all, on its native endpoint and on its OpenAI-compatible one alike.
 */
public final class LlamaCppSamplers {
    private LlamaCppSamplers() {}

    public static void off(ObjectNode body) {
        body.put("typical_p", 1.0);
        body.put("repeat_penalty", 1.0);
        body.put("presence_penalty", 0.0);
        body.put("frequency_penalty", 0.0);
        body.put("dry_multiplier", 0.0);
        body.put("xtc_probability", 0.0);
        body.put("dynatemp_range", 0.0);
        body.put("mirostat", 0);
    }
}
