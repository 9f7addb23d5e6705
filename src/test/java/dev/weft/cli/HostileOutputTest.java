package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.campaign.HostileMutants;
import dev.weft.campaign.HostileTokens;
import dev.weft.model.http.LocalServer;
import dev.weft.model.http.LocalServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-token corpus served by a local server speaking OpenAI's completions stream (the
 * layout vLLM's and OpenAI's /v1/completions emit with stream=true, logprobs=k: one SSE event
 * per token, text plus logprobs.tokens / token_logprobs / top_logprobs), through every headless
 * command that shows it: plain and --json output, the session it records, tree, stats, replay,
 * every export to stdout and to files, and doctor's report of llama.cpp's /props. No raw
 * control reaches any of them.
 */
class HostileOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalServer server = LocalServer.start();
    private final List<String> reached = new ArrayList<>();
    private int outputs;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    static final int MUTANTS = Integer.getInteger("weft.hostile.mutants", 4);
    static final long SEED = Long.getLong("weft.hostile.seed", 5);

    /** One completion spelling every token, each offered again among the alternatives. */
    private static Reply hostileStream(List<String> tokens) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode event = JSON.createObjectNode().put("id", "c1").put("object", "text_completion");
            ObjectNode choice = event.putArray("choices").addObject().put("index", 0).put("text", tokens.get(i));
            ObjectNode logprobs = choice.putObject("logprobs");
            logprobs.putArray("tokens").add(tokens.get(i));
            logprobs.putArray("token_logprobs").add(-0.5 - i * 0.1);
            ObjectNode top = logprobs.putArray("top_logprobs").addObject();
            top.put(tokens.get(i), -0.5 - i * 0.1);
            top.put(tokens.get((i + 1) % tokens.size()), -3.0);
            logprobs.putArray("text_offset").add(0);
            if (i == tokens.size() - 1) {
                choice.put("finish_reason", "length");
            } else {
                choice.putNull("finish_reason");
            }
            events.add(event.toString());
        }
        events.add("[DONE]");
        return Reply.sse(events.toArray(String[]::new));
    }

    private String[] generate(String... more) {
        return generate(HostileTokens.TOKENS.size(), more);
    }

    private String[] generate(int tokens, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--api", "openai-completions", "--endpoint",
                server.base("/v1"), "--model", "M", "--max-tokens", String.valueOf(tokens),
                "--top-logprobs", "2", "--no-color"));
        args.addAll(List.of(more));
        args.add("Mr President,");
        return args.toArray(String[]::new);
    }

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        check(String.join(" ", args).replace(server.base(""), "SERVER"), run.out() + run.err(), false);
        return run;
    }

    private void check(String where, String output, boolean colours) {
        outputs++;
        List<String> raw = HostileTokens.rawControls(output, colours);
        if (!raw.isEmpty()) {
            reached.add(where + ": " + raw.subList(0, Math.min(5, raw.size())));
        }
    }

    @Test
    void noHostileSequenceReachesAnyHeadlessOutput() throws Exception {
        Path session = dir.resolve("hostile.json");
        server.respondWith(r -> hostileStream(HostileTokens.TOKENS));
        assertEquals(0, run(generate()).exit());
        CliRun json = run(generate("--json"));
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().contains("\\u009b") || json.out().contains("\\u009B"), "C1 escaped in JSON");
        assertTrue(json.out().contains("\\u202e") || json.out().contains("\\u202E"), "bidi escaped in JSON");
        JSON.readTree(json.out()); // still JSON
        assertEquals(0, run(generate("-n", "2")).exit());
        assertEquals(0, run(generate("--session", session.toString())).exit());
        check("session file", Files.readString(session), false);

        assertEquals(0, run("tree", session.toString()).exit());
        assertEquals(0, run("stats", session.toString()).exit());
        assertEquals(0, run("stats", "--json", session.toString()).exit());
        assertEquals(0, run("replay", "--headless", session.toString()).exit());
        assertEquals(0, run("replay", "--headless", "--json", session.toString()).exit());
        for (String format : List.of("txt", "md", "json", "loom")) {
            assertEquals(0, run("export", session.toString(), "--format", format).exit(), format);
            Path file = dir.resolve("out." + format);
            assertEquals(0, run("export", session.toString(), "--format", format, "--out", file.toString()).exit());
            check("export --format " + format + " --out", Files.readString(file, StandardCharsets.UTF_8), false);
        }
        assertEquals(0, run("export", session.toString(), "--format", "md", "--path").exit());

        assertEquals(List.of(), reached, "hostile sequences reached the output");
        assertTrue(outputs >= 20, "outputs checked: " + outputs);
    }

    /**
     * Seeded mutants of the corpus ({@link HostileMutants}: random controls, sequences cut across
     * tokens) through the same commands; the long run is {@code -Dweft.hostile.mutants=2000}.
     */
    @Test
    void noMutantReachesAnyHeadlessOutput() throws Exception {
        java.util.Random random = new java.util.Random(SEED);
        Path session = null;
        for (int k = 0; k < MUTANTS; k++) {
            List<String> tokens = HostileMutants.stream(random);
            server.respondWith(r -> hostileStream(tokens));
            String at = "mutant " + k + " (seed " + SEED + ")";
            int n = tokens.size();
            CliRun json = run(generate(n, "--json"));
            assertEquals(0, json.exit(), at + ": " + json.err());
            JSON.readTree(json.out());
            assertEquals(0, run(generate(n)).exit(), at);
            // eight mutants to a session, and every command that reads a session once per session
            session = session != null && k % 8 != 0 ? session : dir.resolve("m" + k + ".json");
            assertEquals(0, run(generate(n, "--session", session.toString())).exit(), at);
            if (k % 8 == 7 || k == MUTANTS - 1) {
                sessionCommands(session, "mutants " + (k - k % 8) + ".." + k + " (seed " + SEED + ")");
            }
        }
        System.out.printf("hostile corpus (headless): %d mutants, %d outputs checked, %d reached the output%n",
                MUTANTS, outputs, reached.size());
        assertEquals(List.of(), reached, "hostile sequences reached the output");
    }

    private void sessionCommands(Path session, String at) throws Exception {
        check(at + " session file", Files.readString(session), false);
        assertEquals(0, run("tree", session.toString()).exit(), at);
        assertEquals(0, run("stats", "--json", session.toString()).exit(), at);
        assertEquals(0, run("replay", "--headless", session.toString()).exit(), at);
        for (String format : List.of("txt", "md", "json", "loom")) {
            assertEquals(0, run("export", session.toString(), "--format", format).exit(), at + " " + format);
        }
    }

    @Test
    void doctorShowsAServersModelPathWithoutItsClipboardWrite() throws Exception {
        server.respondWith(r -> r.path().equals("/health") ? Reply.ok("{\"status\":\"ok\"}")
                : Reply.ok("{\"n_ctx\":4096,\"total_slots\":1,\"model_path\":\"/m/x.gguf\\u001b]52;c;aGFja2Vk\\u0007"
                + "\\u009b2J\\u202egnp\"}"));
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"local\":{\"api\":\"llamacpp\",\"base_url\":\"" + server.base("")
                + "\",\"model\":\"m\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun doctor = run("doctor");
            assertTrue(doctor.out().contains("/m/x.gguf"), doctor.out());
            assertTrue(doctor.out().contains("␛]52;c;aGFja2Vk␇"), doctor.out());
        } finally {
            if (previous == null) {
                System.clearProperty(ModelOptions.CONFIG_PROPERTY);
            } else {
                System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
            }
        }
        assertEquals(List.of(), reached, "hostile sequences reached the output");
    }
}
