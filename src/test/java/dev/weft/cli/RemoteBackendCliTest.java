package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.http.LocalServer;
import dev.weft.model.http.LocalServer.Reply;
import dev.weft.session.SessionStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless commands against a real local server speaking OpenAI's legacy completions
 * stream (the layout of OpenAI's and vLLM's /v1/completions with stream=true and logprobs=k):
 * the same output as on the embedded model, the key kept secret, and failures that leave the
 * session untouched.
 */
class RemoteBackendCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-SECRET-9f8e7d6c5b4a";

    private final LocalServer server = LocalServer.start();
    private String previousConfig;

    @AfterEach
    void stop() {
        server.close();
        if (previousConfig != null) {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previousConfig);
        }
    }

    private static Reply completionStream() {
        return Reply.sse(
                "{\"id\":\"c1\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" I\",\"logprobs\":"
                        + "{\"tokens\":[\" I\"],\"token_logprobs\":[-0.25],\"top_logprobs\":[{\" I\":-0.25,\" we\":-1.75}],"
                        + "\"text_offset\":[13]},\"finish_reason\":null}]}",
                "{\"id\":\"c1\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" thank\",\"logprobs\":"
                        + "{\"tokens\":[\" thank\"],\"token_logprobs\":[-2.5],\"top_logprobs\":[{\" would\":-0.5,\" thank\":-2.5}],"
                        + "\"text_offset\":[15]},\"finish_reason\":\"length\"}]}",
                "[DONE]");
    }

    @Test
    void generateJsonHasTheSameShapeAsOnTheEmbeddedModel() throws Exception {
        server.enqueue(completionStream());
        CliRun remote = CliRun.of("generate", "--api", "openai-completions", "--endpoint", server.base("/v1"),
                "--model", "M", "--max-tokens", "2", "--top-logprobs", "2", "--json", "Mr President,");
        assertEquals(0, remote.exit(), remote.err());
        JsonNode r = JSON.readTree(remote.out());
        assertEquals("openai-completions", r.get("backend").asText());
        assertEquals("M", r.get("model").asText());
        JsonNode completion = r.get("completions").get(0);
        assertEquals(" I thank", completion.get("text").asText());
        assertEquals("length", completion.get("finish_reason").asText());
        JsonNode second = completion.get("tokens").get(1);
        assertEquals(" thank", second.get("text").asText());
        assertEquals(-2.5, second.get("logprob").asDouble(), 0);
        assertEquals(" would", second.get("top").get(0).get("text").asText(), "top sorted by logprob, descending");

        JsonNode request = server.lastBody();
        assertEquals("Mr President,", request.get("prompt").asText());
        assertEquals(2, request.get("logprobs").asInt());

        CliRun local = CliRun.of("generate", "--max-tokens", "2", "--top-logprobs", "2", "--seed", "1", "--json",
                "Mr President,");
        assertEquals(shape(JSON.readTree(local.out())), shape(r));
    }

    /**
     * A generic OpenAI-compatible server (llama.cpp's /v1 among them: server-common.cpp fills an
     * omitted top_k with 40 and min_p with 0.05) is not sent top_k/min_p when they are off: the
     * session records them as unknown (null), not as the 0 it never sent.
     */
    @Test
    void parametersAGenericServerDefaultsAreRecordedUnknown(@TempDir Path dir) throws Exception {
        server.enqueue(completionStream());
        Path session = dir.resolve("s.json");
        CliRun run = CliRun.of("generate", "--api", "openai-completions", "--endpoint", server.base("/v1"),
                "--model", "M", "--max-tokens", "2", "--top-p", "0.9", "--session", session.toString(), "Mr President,");
        assertEquals(0, run.exit(), run.err());
        JsonNode request = server.lastBody();
        assertFalse(request.has("top_k") || request.has("min_p"), request.toString());
        JsonNode params = JSON.readTree(Files.readString(session)).get("generations").get(0).get("params");
        assertTrue(params.get("top_k").isNull(), params.toString());
        assertTrue(params.get("min_p").isNull(), params.toString());
        assertEquals(0.9, params.get("top_p").asDouble(), 1e-9);
    }

    @Test
    void theKeyFromAProfileReachesTheServerAndNothingElse(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"remote\":{\"api\":\"openai-completions\",\"base_url\":\""
                + server.base("/v1") + "\",\"model\":\"M\",\"api_key\":\"" + KEY + "\"}}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        useConfig(config);
        server.enqueue(completionStream());
        Path session = dir.resolve("s.json");
        CliRun run = CliRun.of("--debug", "generate", "--profile", "remote", "--max-tokens", "2", "--session",
                session.toString(), "--json", "Mr President,");
        assertEquals(0, run.exit(), run.err());
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"));
        for (String seen : new String[] {run.out(), run.err(), Files.readString(session),
                Files.readString(Path.of(session + ".journal"))}) {
            assertFalse(seen.contains(KEY) || seen.contains("SECRET"), "the key leaked into: " + seen);
        }
    }

    @Test
    void aConfigReadableByOthersThatHoldsAKeyIsRefused(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"remote\":{\"api\":\"openai-completions\",\"base_url\":\""
                + server.base("/v1") + "\",\"model\":\"M\",\"api_key\":\"" + KEY + "\"}}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        useConfig(config);
        CliRun run = CliRun.of("generate", "--profile", "remote", "x");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("chmod 600"), run.err());
        assertFalse(run.err().contains(KEY), run.err());
    }

    @Test
    void failuresLeaveTheSessionFileAndJournalUntouched(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("s.json");
        assertEquals(0, CliRun.of("generate", "--seed", "1", "--max-tokens", "4", "--session", session.toString(),
                "Mr President,").exit());
        byte[] file = Files.readAllBytes(session);
        byte[] journal = Files.readAllBytes(Path.of(session + ".journal"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server.enqueue(Reply.json(400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\"}}"));
        server.enqueue(Reply.stream("text/event-stream", java.util.List.of("data: {\"choices\":[{\"index\":0,\"te")).cutOff());
        for (Supplier<String> endpoint : java.util.List.<Supplier<String>>of(() -> server.base("/v1"),
                () -> server.base("/v1"), () -> "http://127.0.0.1:" + closedPort + "/v1")) {
            CliRun run = CliRun.of("generate", "--api", "openai-completions", "--endpoint", endpoint.get(), "--model",
                    "M", "--session", session.toString(), "Mr President,");
            assertEquals(1, run.exit(), run.out() + run.err());
            assertEquals(1, run.err().lines().filter(l -> l.startsWith("weft: ")).count(), run.err());
            assertArrayEquals(file, Files.readAllBytes(session));
            assertArrayEquals(journal, Files.readAllBytes(Path.of(session + ".journal")));
        }
        try (SessionStore reopened = SessionStore.open(session)) {
            assertEquals(2, reopened.loom().size());
        }
    }

    private void useConfig(Path config) {
        previousConfig = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
    }

    /** Field names at every depth, with array elements merged: the JSON's shape without its values. */
    private static TreeSet<String> shape(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(path + "/" + name);
                collect(node.get(name), path + "/" + name, out);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", out));
        }
    }
}
