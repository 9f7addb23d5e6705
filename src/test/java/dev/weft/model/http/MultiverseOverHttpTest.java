package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseExpansion;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.analysis.NextTokens;
import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.http.LocalServer.Reply;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A multiverse over a text API (llama.cpp's {@code /completion}, bodies as
 * ggml-org/llama.cpp tools/server/server-task.cpp {@code to_json_non_oaicompat} builds them): a level's
 * requests are in flight together, and a context that would end inside a character is never sent.
 */
class MultiverseOverHttpTest {
    private final LocalServer server = LocalServer.start();
    private final Harness h = new Harness();

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModel open() {
        return Backends.open(Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC, false), h.settings());
    }

    private static String answer(String token, String bytes, String alternatives) {
        return "{\"index\":0,\"content\":\"" + token + "\",\"tokens\":[],\"id_slot\":0,\"stop\":true,\"model\":\"m\","
                + "\"tokens_predicted\":1,\"tokens_evaluated\":1,\"stop_type\":\"limit\",\"stopping_word\":\"\","
                + "\"completion_probabilities\":[{\"id\":1,\"token\":\"" + token + "\",\"bytes\":[" + bytes
                + "],\"logprob\":-0.5,\"top_logprobs\":[" + alternatives + "]}]}";
    }

    private static String alt(int id, String token, String bytes, double logprob) {
        return "{\"id\":" + id + ",\"token\":\"" + token + "\",\"bytes\":[" + bytes + "],\"logprob\":" + logprob + "}";
    }

    @Test
    void aLevelsRequestsAreInFlightTogether() throws Exception {
        CyclicBarrier bothAsked = new CyclicBarrier(2);
        server.respondWith(r -> {
            if (r.path().startsWith("/props")) { // a level's requests go out as many at a time as the server has slots
                return Reply.ok("{\"total_slots\":2}");
            }
            String prompt = Harness.json(r.body()).get("prompt").asText();
            if (prompt.equals("Q")) {
                return Reply.ok(answer("A", "65", alt(1, "A", "65", -0.5) + "," + alt(2, "B", "66", -1.0)));
            }
            try {
                bothAsked.await(10, TimeUnit.SECONDS); // answered only once the other child's request has also arrived
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"asked one at a time\",\"type\":\"invalid_request_error\"}}");
            }
            return Reply.ok(answer("x", "120", alt(3, "x", "120", -0.25)));
        });
        try (LanguageModel m = open()) {
            Multiverse mv = MultiverseExpansion.expand(NextTokens.of(m), Prompt.of("Q"), new MultiverseSettings(2, 2, 0));
            assertEquals(3, mv.modelCalls());
            assertEquals(4, mv.nodeCount(), "A, B and an x under each");
        }
    }

    @Test
    void aChildThatEndsInsideACharacterIsNotSentButSaid() throws Exception {
        server.respondWith(r -> {
            if (r.path().startsWith("/props")) { // a level's requests go out as many at a time as the server has slots
                return Reply.ok("{\"total_slots\":2}");
            }
            String prompt = Harness.json(r.body()).get("prompt").asText();
            if (prompt.equals("Q")) {
                return Reply.ok(answer("A", "65", alt(1, "A", "65", -0.5) + "," + alt(2, "", "226,157", -1.0)));
            }
            return Reply.ok(answer("x", "120", alt(3, "x", "120", -0.25)));
        });
        try (LanguageModel m = open()) {
            Multiverse mv = MultiverseExpansion.expand(NextTokens.of(m), Prompt.of("Q"), new MultiverseSettings(2, 2, 0));
            assertEquals(1, mv.unexpanded());
            assertTrue(mv.unexpandedNote().contains("inside a character"));
        }
        assertEquals(List.of("Q", "QA"), server.requests().stream()
                .map(r -> Harness.json(r.body()).get("prompt").asText()).toList(),
                "no request carries a U+FFFD the user never wrote");
    }

    @Test
    void aContextEndingInsideACharacterIsRefusedBeforeAnythingIsSent() {
        Prompt broken = new Prompt(List.of(Piece.of("I "), Piece.ofBytes(new byte[] {(byte) 0xe2, (byte) 0x9d})));
        try (LanguageModel m = open()) {
            ModelException e = assertThrows(ModelException.class, () -> m.generate(broken, SamplingParams.DEFAULTS));
            assertTrue(e.getMessage().contains("inside a character"), e.getMessage());
        }
        assertEquals(0, server.requests().size());
    }
}
