package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.loom.Loom;
import dev.weft.loom.TokenRun;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * weft's loom export read the way the tools that open it read it:
 * <ul>
 *   <li>socketteer/loom model.py: load_tree_data (root.children[0].id is read even when a node is
 *       selected), get_request_info (model_responses[generation.id].prompt.text and
 *       completions[generation.index]); components/dialogs.py's node info (completion text, each
 *       token's generatedToken.logprob and position.start/end, the response's model);
 *       controller.py's token selection (counterfactuals .items() and .copy());</li>
 *   <li>transkatgirl/Tapestry-Loom migration-assistant/src/pyloom/mod.rs (PyloomWeave): root,
 *       chapters (an object of {title}) and selected_node_id (a string) at the top, each node an id,
 *       text, children, optional meta {creation_timestamp, source, modified: bool}, tags.</li>
 * </ul>
 * A loom file with token data goes loom → weft → loom and comes back with every field those
 * readers read, the same text and the same scores.
 */
class LoomReadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void aLoomFileWithTokenDataComesBackReadableByLoom() throws Exception {
        Path original = ImportFormatsTest.resource("loom-model-responses.json");
        JsonNode before = JSON.readTree(original.toFile());
        JsonNode after = roundTrip(original);
        assertReadableByLoom(after);
        assertReadableByTapestry(after);

        Map<String, JsonNode> beforeByText = byText(before);
        Map<String, JsonNode> afterByText = byText(after);
        int scored = 0;
        for (Map.Entry<String, JsonNode> e : beforeByText.entrySet()) {
            JsonNode was = e.getValue();
            JsonNode now = afterByText.get(e.getKey());
            assertNotNull(now, "node " + e.getKey());
            if (was.has("generation") && !was.path("meta").path("source").asText().equals("mixed")) {
                scored++;
                JsonNode wasCompletion = completion(before, was);
                JsonNode nowCompletion = completion(after, now);
                assertEquals(wasCompletion.get("text"), nowCompletion.get("text"));
                assertEquals(wasCompletion.get("tokens").size(), nowCompletion.get("tokens").size());
                for (int i = 0; i < wasCompletion.get("tokens").size(); i++) {
                    JsonNode a = wasCompletion.get("tokens").get(i);
                    JsonNode b = nowCompletion.get("tokens").get(i);
                    assertEquals(a.at("/generatedToken/token"), b.at("/generatedToken/token"));
                    assertEquals(a.at("/generatedToken/logprob").asDouble(), b.at("/generatedToken/logprob").asDouble(),
                            1e-6);
                }
                assertEquals(response(before, was).get("model"), response(after, now).get("model"));
                assertEquals(response(before, was).at("/prompt/text"), response(after, now).at("/prompt/text"),
                        "the prompt is the text the node continued");
            }
        }
        assertEquals(2, scored);
    }

    @Test
    void aSessionOfOneNodeStillOpensInLoom() throws Exception {
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("Only a prompt")).loom();
        Session session = new Session(Instant.EPOCH, Instant.EPOCH, 0, SessionBackends.NONE, SessionView.START, loom);
        JsonNode file = LoomJsonExport.of(session);
        assertReadableByLoom(file);
        assertReadableByTapestry(file);
        assertEquals("Only a prompt", file.at("/root/children/0/text").asText());
    }

    private JsonNode roundTrip(Path loomFile) throws Exception {
        Path session = dir.resolve("s.json");
        try (SessionStore store = SessionStore.openOrCreate(session)) {
            TreeImport.record(TreeImport.read(loomFile, Instant.EPOCH), store);
            store.save();
        }
        try (SessionStore store = SessionStore.openReadOnly(session)) {
            return JSON.readTree(JSON.writeValueAsString(LoomJsonExport.of(store.session())));
        }
    }

    private static void assertReadableByLoom(JsonNode file) {
        Map<String, JsonNode> byId = byId(file);
        assertTrue(file.at("/root/children/0/id").isTextual(), "load_tree_data reads root.children[0].id");
        assertTrue(byId.containsKey(file.get("selected_node_id").asText()));
        for (JsonNode node : byId.values()) {
            if (!node.has("generation")) {
                continue;
            }
            JsonNode response = response(file, node);
            assertTrue(response.at("/prompt/text").isTextual(), "get_request_info reads prompt.text");
            JsonNode completion = completion(file, node);
            assertTrue(completion.get("text").isTextual());
            assertTrue(response.get("model").isTextual());
            for (JsonNode token : completion.get("tokens")) {
                assertTrue(token.at("/generatedToken/token").isTextual());
                assertTrue(token.at("/generatedToken/logprob").isNumber(), "dialogs.py takes math.exp of it");
                assertTrue(token.at("/position/start").isInt() && token.at("/position/end").isInt());
                assertTrue(token.get("counterfactuals").isObject(), "controller.py calls .items() and .copy()");
            }
        }
    }

    private static void assertReadableByTapestry(JsonNode file) {
        assertTrue(file.get("chapters").isObject());
        assertTrue(file.get("selected_node_id").isTextual());
        for (JsonNode node : byId(file).values()) {
            assertTrue(node.get("id").isTextual() && node.get("text").isTextual() && node.get("children").isArray());
            if (node.has("meta")) {
                JsonNode meta = node.get("meta");
                assertFalse(meta.has("modified") && !meta.get("modified").isBoolean());
                assertFalse(meta.has("creation_timestamp") && !meta.get("creation_timestamp").isTextual());
            }
            node.path("tags").forEach(tag -> assertTrue(tag.isTextual()));
        }
    }

    private static JsonNode response(JsonNode file, JsonNode node) {
        return file.get("model_responses").get(node.at("/generation/id").asText());
    }

    private static JsonNode completion(JsonNode file, JsonNode node) {
        return response(file, node).get("completions").get(node.at("/generation/index").asInt());
    }

    private static Map<String, JsonNode> byId(JsonNode file) {
        Map<String, JsonNode> out = new HashMap<>();
        walk(file, n -> out.put(n.get("id").asText(), n));
        return out;
    }

    private static Map<String, JsonNode> byText(JsonNode file) {
        Map<String, JsonNode> out = new HashMap<>();
        walk(file, n -> out.put(n.get("text").asText(), n));
        return out;
    }

    private static void walk(JsonNode file, java.util.function.Consumer<JsonNode> visit) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(file.get("root"));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            visit.accept(node);
            for (Iterator<JsonNode> it = node.get("children").elements(); it.hasNext(); ) {
                todo.push(it.next());
            }
        }
    }
}
