package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import java.util.List;

/** The JSON shapes of headless output: tokens with logprobs and alternatives, and sampling params. */
final class TokenJson {
    /** Terminal-safe escapes (C1, bidi) for what it writes; what is printed also passes {@link TerminalSafeWriter}. */
    static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .characterEscapes(new dev.weft.session.TerminalSafeEscapes()).build());

    private TokenJson() {}

    static ArrayNode tokens(List<Token> tokens) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Token t : tokens) {
            ObjectNode o = text(MAPPER.createObjectNode(), t.piece());
            number(o, "logprob", t.logprob());
            ArrayNode top = o.putArray("top");
            for (Alternative a : t.top()) {
                number(text(top.addObject(), a.piece()), "logprob", a.logprob());
            }
            out.add(o);
        }
        return out;
    }

    static ObjectNode params(SamplingParams p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("temperature", p.temperature());
        o.put("top_p", p.topP());
        o.put("top_k", p.topK());
        o.put("min_p", p.minP());
        o.put("max_tokens", p.maxTokens());
        o.put("n", p.n());
        o.put("top_logprobs", p.topLogprobs());
        if (p.seed() == null) {
            o.putNull("seed");
        } else {
            o.put("seed", p.seed());
        }
        ArrayNode stop = o.putArray("stop");
        p.stop().forEach(stop::add);
        return o;
    }

    /** Text, plus the raw bytes (as OpenAI does) when the piece is a partial UTF-8 sequence. */
    private static ObjectNode text(ObjectNode o, Piece piece) {
        o.put("text", piece.text());
        if (!piece.isComplete()) {
            ArrayNode bytes = o.putArray("bytes");
            for (byte b : piece.bytes()) {
                bytes.add(b & 0xff);
            }
        }
        return o;
    }

    private static void number(ObjectNode o, String field, double value) {
        if (Double.isNaN(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
