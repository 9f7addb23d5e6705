package dev.weft.model.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.config.ServerDialect;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST {base}/chat/completions} for exploring chat models: a tree's prompt is sent as the user
 * message and, on vLLM, the text below it as a partial assistant message to continue
 * ({@code continue_final_message}); other servers get the whole path as the user message, with {@code logprobs: true} and {@code top_logprobs} (0–20). Tokens come from
 * {@code choices[].logprobs.content[]} ({@code token}, {@code bytes}, {@code logprob},
 * {@code top_logprobs}); the text is {@code message.content}, or {@code delta.content} when streamed.
 */
public final class OpenAiChatProtocol implements WireProtocol {
    private final ServerDialect dialect;

    public OpenAiChatProtocol(ServerDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String generatePath() {
        return "/chat/completions";
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
        ArrayNode messages = body.putArray("messages");
        boolean prefill = dialect == ServerDialect.VLLM && !prompt.assistantText().isEmpty();
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        user.put("content", prefill ? prompt.userText() : prompt.text());
        if (prefill) {
            // vLLM continues a final assistant message left open; other servers get the whole path as the user turn
            ObjectNode assistant = messages.addObject();
            assistant.put("role", "assistant");
            assistant.put("content", prompt.assistantText());
            body.put("continue_final_message", true);
            body.put("add_generation_prompt", false);
        }
        // OpenAI deprecated max_tokens for chat; compatible servers mostly know only max_tokens.
        body.put(dialect == ServerDialect.OPENAI ? "max_completion_tokens" : "max_tokens", params.maxTokens());
        body.put("logprobs", true);
        // llama.cpp takes n_probs = top_logprobs, and with 0 sends no logprobs at all, not even the chosen
        // token's (tools/server/server-common.cpp oaicompat_chat_params_parse; server-task.cpp partial results)
        body.put("top_logprobs", Math.max(topLogprobs, 1));
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
        return choices(body, "message");
    }

    @Override
    public StreamEvent parseEvent(JsonNode event) throws LayoutException {
        return new StreamEvent.Delta(choices(event, "delta"));
    }

    private static List<ChoiceDelta> choices(JsonNode body, String messageField) throws LayoutException {
        JsonNode choices = body.path("choices");
        if (!choices.isArray()) {
            throw new LayoutException("no 'choices' array");
        }
        List<ChoiceDelta> out = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            JsonNode choice = choices.get(i);
            String text = choice.path(messageField).path("content").asText("");
            List<Token> tokens = TokenEntries.parse(choice.path("logprobs").get("content"),
                    "choices[" + i + "].logprobs.content");
            out.add(new ChoiceDelta(OpenAiFields.index(choice, i), text, tokens,
                    OpenAiFields.finish(choice.get("finish_reason"))));
        }
        return out;
    }
}
