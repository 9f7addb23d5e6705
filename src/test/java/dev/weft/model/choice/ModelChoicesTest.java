package dev.weft.model.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.config.ApiKind;
import dev.weft.config.Profile;
import dev.weft.config.WeftConfig;
import dev.weft.model.http.DoctorLine;
import dev.weft.model.local.LocalModel;
import dev.weft.model.local.LocalStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list the model picker shows: what is in it, in which order, and what is known of each before any probe. */
class ModelChoicesTest {
    private static final WeftConfig CONFIG = new WeftConfig(Path.of("/cfg/config.json"), Map.of(
            "vllm", new Profile("vllm", ApiKind.OPENAI_COMPLETIONS, "http://gpu-box:8000/v1", "meta-llama/Llama-3.1-8B",
                    null, null, null, null, null),
            "llama3.2:1b", new Profile("llama3.2:1b", ApiKind.OLLAMA, null, "llama3.2:1b", null, null, null, null, null),
            "openai", new Profile("openai", ApiKind.OPENAI_CHAT, "https://api.openai.com/v1", "gpt-4o-mini",
                    "OPENAI_KEY_UNSET", null, null, null, null)), null);

    private static LocalModel local(String name, String unsupported) {
        return new LocalModel(LocalStore.OLLAMA, name, Path.of("/blobs/" + name.replace(':', '-')), 1_288_490_189L,
                "llama", 1_235_814_432L, "Q8_0", unsupported);
    }

    @Test
    void embeddedThenTheEnvironmentsFileThenProfilesByNameThenRunnableLocalFilesNotShadowedByAProfile() {
        List<ModelChoice> choices = ModelChoices.of(CONFIG, Map.of("WEFT_GGUF", "/m/x.gguf"), List.of(
                local("qwen2.5:0.5b", null), local("gemma3:1b", "architecture gemma3 is not supported yet"),
                local("llama3.2:1b", null)));

        assertEquals(List.of("embedded", "gguf", "llama3.2:1b", "openai", "vllm", "qwen2.5:0.5b"),
                ModelChoices.names(choices));
        assertEquals(List.of(ModelChoice.Kind.EMBEDDED, ModelChoice.Kind.MODEL_FILE, ModelChoice.Kind.PROFILE,
                ModelChoice.Kind.PROFILE, ModelChoice.Kind.PROFILE, ModelChoice.Kind.MODEL_FILE),
                choices.stream().map(ModelChoice::kind).toList());

        assertEquals(Reach.ready("in process"), choices.get(0).reach());
        assertEquals(Reach.CHECKING, choices.get(1).reach());
        assertEquals("/m/x.gguf (WEFT_GGUF)", choices.get(1).what());
        // a profile is probed later; one that cannot even be resolved fails at once, with the resolver's reason
        assertEquals(Reach.CHECKING, choices.get(4).reach());
        assertEquals("openai-completions · meta-llama/Llama-3.1-8B @ http://gpu-box:8000/v1", choices.get(4).what());
        assertEquals(Reach.Status.FAIL, choices.get(3).reach().status());
        assertEquals("profile 'openai': environment variable OPENAI_KEY_UNSET (named by api_key_env) is not set",
                choices.get(3).reach().text());
        // a local file was read by the scan: no probe needed
        assertEquals(Reach.ready("in process · llama 1.2B Q8_0 · 1.2 GB"), choices.get(5).reach());
        assertEquals("ollama · /blobs/qwen2.5-0.5b", choices.get(5).what());
    }

    @Test
    void withoutConfigOrFilesOnlyTheEmbeddedModel() {
        assertEquals(List.of("embedded"), ModelChoices.names(ModelChoices.of(WeftConfig.EMPTY, Map.of(), List.of())));
    }

    @Test
    void aRefreshedListKeepsWhatProbesFoundForTheSameBackend() {
        List<ModelChoice> first = ModelChoices.of(CONFIG, Map.of(), List.of());
        List<ModelChoice> probed = first.stream()
                .map(c -> c.name().equals("vllm") ? c.withReach(Reach.fail("connection refused")) : c).toList();
        List<ModelChoice> refreshed = ModelChoices.keepingReach(
                ModelChoices.of(CONFIG, Map.of(), List.of(local("qwen2.5:0.5b", null))), probed);

        assertEquals(List.of("embedded", "llama3.2:1b", "openai", "vllm", "qwen2.5:0.5b"), ModelChoices.names(refreshed));
        assertEquals(Reach.fail("connection refused"), refreshed.get(3).reach());
        assertEquals(Reach.CHECKING, refreshed.get(1).reach());
    }

    @Test
    void theDoctorsWorstLineIsTheReach() {
        assertEquals(Reach.fail("connection refused"), ModelChoices.reach(List.of(
                DoctorLine.info("profile x"), DoctorLine.warn("slow"), DoctorLine.fail("connection refused"))));
        assertEquals(new Reach(Reach.Status.WARN, "'m' is not among the 2 model(s)"), ModelChoices.reach(List.of(
                DoctorLine.info("profile x"), DoctorLine.ok("Ollama 0.12.11"), DoctorLine.warn("'m' is not among the 2 model(s)"))));
        assertEquals(Reach.ready("http://h/health: ready"), ModelChoices.reach(List.of(
                DoctorLine.info("profile x"), DoctorLine.ok("http://h/health: ready"), DoctorLine.info("assumed: ..."))));
    }
}
