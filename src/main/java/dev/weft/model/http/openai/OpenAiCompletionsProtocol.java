package dev.weft.model.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.config.ServerDialect;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.http.ChoiceDelta;
import dev.weft.model.http.Framing;
import dev.weft.model.http.Json;
import dev.weft.model.http.LayoutException;
import dev.weft.model.http.StreamEvent;
import dev.weft.model.http.TextScoring;
import dev.weft.model.http.TokenEntries;
import dev.weft.model.http.WireProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST {base}/completions}, OpenAI's legacy text completions as OpenAI, vLLM and most
 * compatible servers speak it. Each choice carries {@code text} and a {@code logprobs} object in
 * the legacy array layout; some compatible servers send the chat layout ({@code logprobs.content})
 * here instead, and both are read. Streamed chunks have the same shape as the whole response.
 */
public final class OpenAiCompletionsProtocol implements WireProtocol, TextScoring {
    private final ServerDialect dialect;

    public OpenAiCompletionsProtocol(ServerDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String generatePath() {
        return "/completions";
    }

    @Override
    public Framing framing() {
        return Framing.SSE;
    }

    @Override
    public ObjectNode generateBody(String model, Prompt prompt, SamplingParams params, int n, int topLogprobs,
                                   boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("prompt", prompt.text());
        body.put("max_tokens", params.maxTokens());
        body.put("logprobs", topLogprobs); // 0 still returns the chosen tokens' logprobs
        OpenAiFields.sampling(body, params, n, stream, dialect);
        return body;
    }

    @Override
    public java.util.Set<String> defaultedWhenOff() {
        return OpenAiFields.defaultedWhenOff(dialect);
    }

    @Override
    public List<String> unsentParameters(SamplingParams params) {
        return OpenAiFields.unsent(params, dialect);
    }

    @Override
    public List<ChoiceDelta> parseResponse(JsonNode body) throws LayoutException {
        JsonNode choices = body.path("choices");
        if (!choices.isArray()) {
            throw new LayoutException("no 'choices' array");
        }
        List<ChoiceDelta> out = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            out.add(choice(choices.get(i), i));
        }
        return out;
    }

    @Override
    public StreamEvent parseEvent(JsonNode event) throws LayoutException {
        return new StreamEvent.Delta(parseResponse(event));
    }

    static ChoiceDelta choice(JsonNode choice, int position) throws LayoutException {
        String where = "choices[" + position + "].logprobs";
        String text = choice.path("text").asText("");
        JsonNode logprobs = choice.path("logprobs");
        List<Token> tokens;
        if (logprobs.isObject() && logprobs.has("content")) {
            tokens = TokenEntries.parse(logprobs.get("content"), where + ".content");
        } else if (logprobs.isObject() && logprobs.has("tokens")) {
            tokens = LegacyLogprobs.tokens(logprobs, where);
        } else {
            tokens = List.of();
        }
        return new ChoiceDelta(OpenAiFields.index(choice, position), text, tokens,
                OpenAiFields.finish(choice.get("finish_reason")));
    }

    @Override
    public String scorePath() {
        return "/completions";
    }

    /**
     * Echo the prompt and continuation with their logprobs. OpenAI takes {@code max_tokens: 0} (generate
     * nothing); vLLM and others may insist on at least one token, which is then ignored.
     */
    @Override
    public ObjectNode scoreBody(String model, Prompt prompt, String continuation, int topLogprobs) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("prompt", prompt.text() + continuation);
        body.put("echo", true);
        body.put("max_tokens", dialect == ServerDialect.OPENAI ? 0 : 1);
        body.put("logprobs", Math.max(topLogprobs, 1)); // 0 with echo makes early vLLM V1 answer 500
        body.put("temperature", 0.0);
        return body;
    }

    @Override
    public Scoring parseScore(JsonNode body, Prompt prompt, String continuation) throws LayoutException {
        JsonNode choices = body.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new LayoutException("no choices in the scoring response");
        }
        JsonNode logprobs = choices.get(0).path("logprobs");
        if (!logprobs.isObject() || !logprobs.has("tokens")) {
            throw new LayoutException("the scoring response has no logprobs.tokens: the server did not echo them");
        }
        List<Token> tokens = LegacyLogprobs.tokens(logprobs, "choices[0].logprobs");
        String sent = prompt.text() + continuation;
        List<Token> scored = EchoedContinuation.select(tokens, choices.get(0).path("text").asText(""), sent,
                prompt.text().length());
        if (scored.isEmpty() && !continuation.isEmpty()) {
            throw new LayoutException("the server did not echo the continuation's tokens;"
                    + " set capabilities.scores_text to false for this profile");
        }
        return new Scoring(scored);
    }
}
