package dev.weft.model.http.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Prompt;
import dev.weft.model.http.ChoiceDelta;
import dev.weft.model.http.Framing;
import dev.weft.model.http.Json;
import dev.weft.model.http.LayoutException;
import dev.weft.model.http.StreamEvent;
import dev.weft.model.http.WireProtocol;
import java.util.List;

/**
 * llama.cpp server's native {@code POST {base}/completion}. Its sampling defaults differ from
 * weft's (top_k 40, top_p 0.95, min_p 0.05, and repetition penalties on some builds), so every
 * sampling field is sent, with the ones weft has no parameter for set to "off". Probabilities are
 * requested before sampling ({@code post_sampling_probs: false}): the model's own, as the loom shows.
 * One completion per request: {@code n} is sent as parallel requests (one per server slot).
 */
public final class LlamaCppProtocol implements WireProtocol {

    @Override
    public String generatePath() {
        return "/completion";
    }

    @Override
    public Framing framing() {
        return Framing.SSE;
    }

    @Override
    public ObjectNode generateBody(String model, Prompt prompt, SamplingParams params, int n, int topLogprobs,
                                   boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", model); // router mode picks the model by it; a single-model server ignores it
        body.put("prompt", prompt.text());
        body.put("n_predict", params.maxTokens());
        body.put("temperature", params.temperature());
        body.put("top_k", params.topK());
        body.put("top_p", params.topP());
        body.put("min_p", params.minP());
        body.put("seed", params.seed() == null ? -1 : params.seed());
        params.stop().forEach(body.putArray("stop")::add);
        body.put("n_probs", Math.max(topLogprobs, 1)); // at least 1, or the chosen token's logprob is not sent
        body.put("post_sampling_probs", false);
        body.put("stream", stream);
        LlamaCppSamplers.off(body);
        body.put("cache_prompt", true);
        return body;
    }

    @Override
    public List<ChoiceDelta> parseResponse(JsonNode body) throws LayoutException {
        if (!body.isObject() || !body.has("content")) {
            throw new LayoutException("no 'content' field");
        }
        return List.of(choice(body, false));
    }

    @Override
    public StreamEvent parseEvent(JsonNode event) throws LayoutException {
        return new StreamEvent.Delta(List.of(choice(event, true)));
    }

    private static ChoiceDelta choice(JsonNode body, boolean streamed) throws LayoutException {
        boolean stop = body.path("stop").asBoolean(!streamed);
        String content = body.path("content").asText("");
        JsonNode probabilities = body.path("completion_probabilities");
        // Older servers repeat every token's probabilities on the final streamed event: its content is empty.
        boolean fresh = !(streamed && stop && content.isEmpty());
        List<Token> tokens = List.of();
        if (fresh && probabilities.isArray() && !probabilities.isEmpty()) {
            tokens = CompletionProbabilities.parse(probabilities);
        }
        return new ChoiceDelta(0, content, tokens, stop ? finish(body) : FinishReason.RUNNING);
    }

    /** {@code stop_type} ("eos", "word", "limit") on current servers, {@code stopped_*} flags on older ones. */
    private static FinishReason finish(JsonNode body) {
        String type = body.path("stop_type").asText("");
        if (type.equals("limit") || body.path("stopped_limit").asBoolean(false)) {
            return FinishReason.LENGTH;
        }
        return FinishReason.STOP;
    }
}
