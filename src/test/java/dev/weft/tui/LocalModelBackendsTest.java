package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.config.ConfigFile;
import dev.weft.config.ApiKind;
import dev.weft.config.Profile;
import dev.weft.config.WeftConfig;
import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.ModelChoices;
import dev.weft.model.choice.Reach;
import java.util.List;
import dev.weft.model.LanguageModel;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.TinyModels;
import dev.weft.tui.state.ModelOffer;
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

    /** An Ollama store holding a runnable model (and a larger one), as Ollama lays it out. */
    private void ollamaStore() throws Exception {
        Path store = home.resolve(".ollama/models");
        Files.createDirectories(store.resolve("blobs"));
        String[] names = {"smollm2/135m", "big/7b"};
        for (int i = 0; i < names.length; i++) {
            String digest = Integer.toString(i).repeat(64);
            Path blob = store.resolve("blobs/sha256-" + digest);
            TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), blob);
            if (i == 1) {
                Files.write(blob, new byte[1 << 20], java.nio.file.StandardOpenOption.APPEND); // the larger file
            }
            Path manifest = store.resolve("manifests/registry.ollama.ai/library/" + names[i]);
            Files.createDirectories(manifest.getParent());
            Files.writeString(manifest, "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
                    + "\"digest\":\"sha256:" + digest + "\",\"size\":1}]}");
        }
    }

    @Test
    void withNoProfileTheSmallestRunnableModelIsOfferedAndTheAnswerIsRemembered() throws Exception {
        ollamaStore();
        Path configFile = home.resolve(".config/weft/config.json");
        Map<String, String> env = Map.of("HOME", home.toString());
        ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, configFile, env, null, line -> {});
        ModelOffer offer = backends.offer().get(10, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
        assertEquals("smollm2:135m", offer.name());
        assertEquals(1, offer.others());
        assertTrue(offer.about().startsWith("ollama · llama"), offer.about());

        backends.rememberOffer(offer, true);
        WeftConfig chosen = ConfigFile.load(configFile);
        assertEquals("smollm2:135m", chosen.defaultProfile());
        ConfiguredBackends next = new ConfiguredBackends(chosen, configFile, env, null, line -> {});
        assertEquals("smollm2:135m", next.initial(), "the next start begins on it");
        assertTrue(next.offer().get(10, java.util.concurrent.TimeUnit.SECONDS).isEmpty(), "a profile exists: no offer");
        try (LanguageModel model = next.open("smollm2:135m")) {
            assertEquals("gguf", model.backend());
        }
    }

    @Test
    void aDeclinedOfferIsNotMadeAgain() throws Exception {
        ollamaStore();
        Path configFile = home.resolve(".config/weft/config.json");
        Map<String, String> env = Map.of("HOME", home.toString());
        ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, configFile, env, null, line -> {});
        ModelOffer offer = backends.offer().get(10, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
        backends.rememberOffer(offer, false);
        WeftConfig declined = ConfigFile.load(configFile);
        assertNull(declined.defaultProfile());
        ConfiguredBackends next = new ConfiguredBackends(declined, configFile, env, null, line -> {});
        assertEquals(ConfiguredBackends.EMBEDDED, next.initial());
        assertTrue(next.offer().get(10, java.util.concurrent.TimeUnit.SECONDS).isEmpty());
        try (LanguageModel model = next.open("smollm2:135m")) {
            assertEquals("gguf", model.backend(), "still one :set backend away");
        }
        assertTrue(next.names().contains("smollm2:135m"), next.names().toString());
    }

    @Test
    void nothingIsOfferedWhenNothingRunnableIsFound() throws Exception {
        Path configFile = home.resolve(".config/weft/config.json");
        ConfiguredBackends backends = new ConfiguredBackends(WeftConfig.EMPTY, configFile,
                Map.of("HOME", home.toString()), null, line -> {});
        assertTrue(backends.offer().get(10, java.util.concurrent.TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void thePickersChoicesAreProbedAsTheDoctorDoesAndTheLaunchCanStartOnAProfile() throws Exception {
        Path file = home.resolve("models/small.gguf");
        Files.createDirectories(file.getParent());
        TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), file);
        WeftConfig config = new WeftConfig(null, Map.of(
                "small", new Profile("small", ApiKind.GGUF, null, "~/models/small.gguf", null, null, null, null, null),
                "gone", new Profile("gone", ApiKind.GGUF, null, "~/models/gone.gguf", null, null, null, null, null),
                // port 9 (discard) on this machine: nothing listens there
                "down", new Profile("down", ApiKind.LLAMACPP, "http://127.0.0.1:9", "local", null, null, null, null, null)),
                null);
        ConfiguredBackends backends = new ConfiguredBackends(config, Map.of("HOME", home.toString()), null, line -> {},
                "small");
        assertEquals("small", backends.initial());
        backends.searched().get();
        List<ModelChoice> choices = backends.choices();
        assertEquals(List.of("embedded", "down", "gone", "small"), ModelChoices.names(choices));
        Reach small = backends.reach(choices.get(3));
        assertEquals(Reach.Status.READY, small.status());
        assertTrue(small.text().startsWith("in process · llama"), small.text());
        Reach gone = backends.reach(choices.get(2));
        assertEquals(Reach.Status.FAIL, gone.status());
        assertTrue(gone.text().contains("gone.gguf"), gone.text());
        Reach down = backends.reach(choices.get(1));
        assertEquals(Reach.Status.FAIL, down.status());
        assertTrue(down.text().contains("127.0.0.1:9"), down.text());
    }
}
