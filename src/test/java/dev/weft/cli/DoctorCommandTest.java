package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.TinyModels;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @Test
    void withoutProfilesItReportsTheEmbeddedModel() {
        CliRun run = CliRun.of("doctor");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("embedded model"), run.out());
        assertTrue(run.out().contains("config:"), run.out());
        assertTrue(run.out().contains("weft uses the embedded model"), run.out());
    }

    @Test
    void anUnreachableProfileFails(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"local\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + port
                + "\",\"model\":\"m\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun run = CliRun.of("doctor");
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().contains("profiles: local"), run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAIL")), run.out());
        } finally {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
        }
    }

    @Test
    void aNamedProfileIsTheOnlyOneChecked(@TempDir Path dir) throws Exception {
        int a;
        int b;
        try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
            a = one.getLocalPort();
            b = two.getLocalPort();
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{"
                + "\"a\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + a + "\",\"model\":\"m\"},"
                + "\"b\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + b + "\",\"model\":\"m\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun run = CliRun.of("doctor", "--profile", "a");
            assertTrue(run.out().contains(":" + a), run.out());
            assertTrue(!run.out().contains(":" + b), "profile b was not asked for: " + run.out());
        } finally {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
        }
    }

    @Test
    void aModelFileGetsItsCacheCheckedAndReportedAsJson(@TempDir Path dir) throws Exception {
        Path file = TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), dir.resolve("tiny.gguf"));
        CliRun text = CliRun.of("doctor", "--gguf", file.toString(), "--kv-cache-mb", "64");
        assertEquals(0, text.exit(), text.out() + text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("ok") && l.contains("kv cache: an edit's re-score reused")
                && l.contains("logprobs agree")), text.out());
        assertTrue(text.out().contains("kv cache budget 64 MB"), text.out());

        CliRun json = CliRun.of("doctor", "--gguf", file.toString(), "--kv-cache-mb", "64", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertTrue(root.get("ok").asBoolean());
        assertTrue(root.get("checks").size() > 3);
        JsonNode kv = root.get("kv_caches").get(0);
        assertEquals(file.toString(), kv.get("path").asText());
        assertEquals(64L << 20, kv.get("budget_bytes").asLong());
        assertTrue(kv.get("bytes_per_position").asLong() > 0);
        JsonNode probe = kv.get("probe");
        assertTrue(probe.get("exact").asBoolean());
        assertEquals(probe.get("positions").asLong(), probe.get("reused").asLong() + probe.get("computed").asLong());
        assertTrue(probe.get("reused").asLong() > probe.get("computed").asLong(),
                "the edit is at the end: most positions come from the cache: " + probe);
        assertTrue(kv.get("hit_rate").asDouble() > 0, kv.toString());
    }
}
