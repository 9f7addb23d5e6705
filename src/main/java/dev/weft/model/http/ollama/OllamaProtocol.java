package dev.weft.model.http.ollama;

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
import dev.weft.model.http.TokenEntries;
import dev.weft.model.http.WireProtocol;
import java.util.List;

/**
 * Ollama's {@code POST {base}/api/generate} with {@code raw: true}, so the prompt reaches the model
 * without a chat template. Logprobs ({@code logprobs}, {@code top_logprobs} up to 20) are
 * top-level request fields; sampling goes under {@code options}, where Ollama's own defaults
 * (top_k 40, top_p 0.9, repeat_penalty 1.1) are overridden. The stream is NDJSON, one object per
 * token with a top-level {@code logprobs} array; the last has {@code done: true} and
 * {@code done_reason}; an {@code {"error"}} object can arrive mid-stream on a 200 response.
 */
public final class OllamaProtocol implements WireProtocol {

    @Override
    public String generatePath() {
        return "/api/generate";
    }

    @Override
    public Framing framing() {
        return Framing.NDJSON;
    }

    @Override
    public ObjectNode generateBody(String model, Prompt prompt, SamplingParams params, int n, int topLogprobs,
                                   boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("prompt", prompt.text());
        body.put("raw", true);
        // a thinking model defaults to think: true, and a parser then moves <think> text out of
        // `response` even in raw mode (ollama/ollama server/routes.go GenerateHandler)
        body.put("think", false);
        body.put("stream", stream);
        body.put("logprobs", true);
        body.put("top_logprobs", topLogprobs);
        ObjectNode options = body.putObject("options");
        options.put("temperature", params.temperature());
        options.put("top_p", params.topP());
        options.put("top_k", params.topK());
        options.put("min_p", params.minP());
        options.put("num_predict", params.maxTokens());
        options.put("repeat_penalty", 1.0);
        options.put("presence_penalty", 0.0);
        options.put("frequency_penalty", 0.0);
        if (params.seed() != null) {
            options.put("seed", params.seed());
        }
        if (!params.stop().isEmpty()) {
            params.stop().forEach(options.putArray("stop")::add);
        }
        return body;
    }

    @Override
    public List<ChoiceDelta> parseResponse(JsonNode body) throws LayoutException {
        if (!body.isObject() || !body.has("response")) {
            throw new LayoutException("no 'response' field");
        }
        return List.of(choice(body));
    }

    @Override
    public StreamEvent parseEvent(JsonNode event) throws LayoutException {
        return new StreamEvent.Delta(List.of(choice(event)));
    }

    private static ChoiceDelta choice(JsonNode body) throws LayoutException {
        String text = body.path("response").asText("");
        List<Token> tokens = TokenEntries.parse(body.get("logprobs"), "logprobs");
        FinishReason finish = !body.path("done").asBoolean(false) ? FinishReason.RUNNING
                : body.path("done_reason").asText("").equals("length") ? FinishReason.LENGTH : FinishReason.STOP;
        return new ChoiceDelta(0, text, tokens, finish);
    }
}
