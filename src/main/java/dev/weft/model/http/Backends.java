package dev.weft.model.http;

import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.model.Capabilities;
import dev.weft.model.LanguageModel;
import dev.weft.model.http.llamacpp.LlamaCppProtocol;
import dev.weft.model.http.ollama.OllamaProtocol;
import dev.weft.model.http.openai.OpenAiChatProtocol;
import dev.weft.model.http.openai.OpenAiCompletionsProtocol;
import java.util.function.Supplier;

/** Opens the backend a {@link BackendSpec} names. */
public final class Backends {
    private Backends() {}

    /**
     * @param embedded builds the in-process model; only called for {@link BackendSpec.Embedded}
     */
    public static LanguageModel open(BackendSpec spec, Supplier<LanguageModel> embedded, HttpSettings settings) {
        if (spec instanceof BackendSpec.Remote remote) {
            return open(remote, settings);
        }
        return embedded.get();
    }

    public static HttpModel open(BackendSpec.Remote spec, HttpSettings settings) {
        HttpTransport transport = transport(spec, settings);
        Capabilities caps = capabilities(spec);
        String backend = spec.api().label();
        java.util.function.IntSupplier parallel = ServerSlots.of(spec, transport, settings);
        return switch (spec.api()) {
            case OPENAI_COMPLETIONS -> {
                OpenAiCompletionsProtocol protocol = new OpenAiCompletionsProtocol(spec.dialect());
                yield new HttpModel(backend, spec.model(), caps, protocol, protocol, transport, spec.extra(), settings,
                        parallel);
            }
            case OPENAI_CHAT -> new HttpModel(backend, spec.model(), caps, new OpenAiChatProtocol(spec.dialect()), null,
                    transport, spec.extra(), settings, parallel);
            case LLAMACPP -> new HttpModel(backend, spec.model(), caps, new LlamaCppProtocol(), null, transport,
                    spec.extra(), settings, parallel);
            case OLLAMA -> new HttpModel(backend, spec.model(), caps, new OllamaProtocol(), null, transport,
                    spec.extra(), settings, parallel);
            case GGUF -> throw new IllegalArgumentException("a gguf profile is a model file, not a server");
        };
    }

    /** The transport a spec's backend uses; the doctor probes through it too. */
    public static HttpTransport transport(BackendSpec.Remote spec, HttpSettings settings) {
        return new HttpTransport(spec.api().label(), spec.model(), spec.baseUrl(), spec.apiKey(), settings);
    }

    /** What the backend declares, with the profile's overrides applied. */
    public static Capabilities capabilities(BackendSpec.Remote spec) {
        return spec.capabilities().applyTo(declared(spec.api(), spec.dialect()));
    }

    /**
     * What each server is known to do. OpenAI's completions give at most 5 alternatives, its chat
     * 20; vLLM's default {@code --max-logprobs} is 20; llama.cpp and Ollama answer one completion
     * per request. An unknown OpenAI-compatible server is assumed to ignore {@code n} (OpenRouter
     * does) and not to echo prompt logprobs, until its profile says otherwise.
     */
    public static Capabilities declared(ApiKind api, ServerDialect dialect) {
        // llama.cpp's /v1 neither echoes prompt logprobs nor takes n > 1 in one request
        boolean known = dialect == ServerDialect.OPENAI || dialect == ServerDialect.VLLM;
        return switch (api) {
            case OPENAI_COMPLETIONS -> new Capabilities(dialect == ServerDialect.VLLM ? 20 : 5, known, known, true,
                    false, false);
            case OPENAI_CHAT -> new Capabilities(20, false, known, true, false, false);
            case LLAMACPP, OLLAMA -> new Capabilities(20, false, false, true, false, false);
            case GGUF -> new Capabilities(Integer.MAX_VALUE, true, true, true, true, true);
        };
    }
}
