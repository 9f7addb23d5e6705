package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.WeftConfig;
import dev.weft.model.LanguageModel;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loom's backends include the runnable models other tools keep, by the names weft models shows. */
class LocalModelBackendsTest {
    @TempDir Path home;

    @Test
    void anOllamaModelIsABackendByItsOllamaName() throws Exception {
        Path store = home.resolve(".ollama/models");
        String digest = "f".repeat(64);
        Files.createDirectories(store.resolve("blobs"));
        TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), store.resolve("blobs/sha256-" + digest));
        Path manifest = store.resolve("manifests/registry.ollama.ai/library/smollm2/135m");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
                + "\"digest\":\"sha256:" + digest + "\",\"size\":1}]}");
        Path unsupported = home.resolve(".lmstudio/models/google/gemma/gemma.gguf");
        Files.createDirectories(unsupported.getParent());
        TinyModels.write(TinyModels.Spec.of("gemma3", GgmlType.Q8_0, "gpt2"), unsupported);

        ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, Map.of("HOME", home.toString()), null,
                line -> {});
        try (LanguageModel model = backends.open("smollm2:135m")) {
            assertEquals("gguf", model.backend());
        }
        assertTrue(backends.names().contains("smollm2:135m"), backends.names().toString());
        assertTrue(backends.names().stream().noneMatch(n -> n.contains("gemma")), backends.names().toString());
        assertEquals(ConfiguredBackends.EMBEDDED, backends.names().get(0));
    }
}
