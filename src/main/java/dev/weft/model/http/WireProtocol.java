package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import java.util.List;

/**
 * One server API: how to ask for completions and how to read the answer. Request building and
 * parsing are pure, so they are tested on recorded bodies without a server.
 */
public interface WireProtocol {

    /** The generation path below the base URL, e.g. {@code /completions}. */
    String generatePath();

    Framing framing();

    /**
     * The request body.
     *
     * @param n           completions this one request asks for (1 when the server does not honour n)
     * @param topLogprobs alternatives per token, already capped to what the server gives
     */
    ObjectNode generateBody(String model, Prompt prompt, SamplingParams params, int n, int topLogprobs,
                            boolean stream);

    /** The choices of a whole (non-streamed) response. */
    List<ChoiceDelta> parseResponse(JsonNode body) throws LayoutException;

    /** One event of a streamed response ({@code [DONE]} is handled before this is called). */
    StreamEvent parseEvent(JsonNode event) throws LayoutException;

    /**
     * Sampling parameters set in {@code params} that this server will not receive, by name, so the
     * user can be told rather than misled by the node's recorded parameters.
     */
    /** See {@link dev.weft.model.LanguageModel#defaultedWhenOff()}. */
    default java.util.Set<String> defaultedWhenOff() {
        return java.util.Set.of();
    }

    default List<String> unsentParameters(SamplingParams params) {
        return List.of();
    }
}
