package dev.weft.model.gguf;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model families weft runs, by {@code general.architecture}. They share the llama block
 * (RMSNorm, rotary attention with grouped query heads, SwiGLU); the differences are data here.
 */
enum Architecture {
    /** Llama 2 / 3.x, Mistral, TinyLlama, SmolLM: rotary pairs are adjacent (GGUF permutes q and k). */
    LLAMA("llama", false, false, false),
    MISTRAL("mistral", false, false, false),
    /** Qwen2 / 2.5: biases on q, k and v; rotary pairs are the two halves of a head (NeoX style). */
    QWEN2("qwen2", true, true, false),
    /** Qwen3: an RMSNorm over each q and k head before the rotation; NeoX rotary; no biases. */
    QWEN3("qwen3", true, false, true);

    final String key;
    final boolean neoxRope;
    final boolean qkvBias;
    final boolean qkNorm;

    Architecture(String key, boolean neoxRope, boolean qkvBias, boolean qkNorm) {
        this.key = key;
        this.neoxRope = neoxRope;
        this.qkvBias = qkvBias;
        this.qkNorm = qkNorm;
    }

    static Architecture of(String name, String file) throws GgufException {
        for (Architecture a : values()) {
            if (a.key.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new GgufException(file + ": architecture " + name + " is not supported yet; supported: " + supported());
    }

    static String supported() {
        return Arrays.stream(values()).map(a -> a.key).collect(Collectors.joining(", "));
    }
}
