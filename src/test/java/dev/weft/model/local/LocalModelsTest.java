package dev.weft.model.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory layouts shaped like each tool's store, built here; the listing must name and describe each file. */
class LocalModelsTest {
    private static final String HEX_A = "a".repeat(63) + "1";
    private static final String HEX_B = "b".repeat(63) + "2";

    @TempDir Path home;

    private static Path tinyLlama(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), file);
    }

    private static Path tinyWithFileType(Path file, String arch, int fileType) throws IOException {
        Files.createDirectories(file.getParent());
        TinyModels.Spec spec = TinyModels.Spec.of(arch, GgmlType.Q4_K, "gpt2");
        return TinyModels.writer(spec, TinyModels.vocabulary("gpt2", "llama3")).putU32("general.file_type", fileType)
                .write(file);
    }

    private static void manifest(Path root, String host, String ns, String model, String tag, String digest)
            throws IOException {
        Path m = root.resolve("manifests").resolve(host).resolve(ns).resolve(model).resolve(tag);
        Files.createDirectories(m.getParent());
        // the shape ollama/ollama server/manifest.go writes: config plus typed layers
        Files.writeString(m, "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"sha256:"
                + "c".repeat(64) + "\",\"size\":485},\"layers\":["
                + "{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"" + digest + "\",\"size\":1000},"
                + "{\"mediaType\":\"application/vnd.ollama.image.template\",\"digest\":\"sha256:" + "d".repeat(64)
                + "\",\"size\":1429}]}");
    }

    private Map<String, LocalModel> byName(LocalModels.Scan scan) {
        return scan.models().stream().collect(Collectors.toMap(LocalModel::name, m -> m));
    }

    @Test
    void findsEachToolsStoreUnderHome() throws IOException {
        Path ollama = home.resolve(".ollama/models");
        tinyWithFileType(ollama.resolve("blobs/sha256-" + HEX_A), "llama", 7);
        manifest(ollama, "registry.ollama.ai", "library", "llama3.2", "1b", "sha256:" + HEX_A);
        tinyLlama(ollama.resolve("blobs/sha256-" + HEX_B));
        manifest(ollama, "hf.co", "bartowski", "SmolLM2-135M-Instruct-GGUF", "Q8_0", "sha256:" + HEX_B);
        manifest(ollama, "registry.ollama.ai", "library", "gone", "latest", "sha256:" + "e".repeat(64));

        Path hub = home.resolve(".cache/huggingface/hub/models--HuggingFaceTB--SmolLM2-135M-Instruct-GGUF");
        Path blob = tinyWithFileType(hub.resolve("blobs/0123abcd"), "llama", 15);
        Path snapshot = hub.resolve("snapshots/5f2b7c3e/smollm2-135m-instruct-q4_k_m.gguf");
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, snapshot.getParent().relativize(blob));
        Files.createDirectories(hub.resolve("refs"));
        Files.writeString(hub.resolve("refs/main"), "5f2b7c3e");

        tinyLlama(home.resolve(".lmstudio/models/lmstudio-community/Qwen2.5-0.5B-Instruct-GGUF/Qwen2.5-0.5B-Instruct-Q8_0.gguf"));
        tinyWithFileType(home.resolve(".cache/lm-studio/models/google/gemma-3-1b-it-GGUF/gemma-3-1b-it-Q4_K_M.gguf"),
                "gemma3", 15);
        tinyLlama(home.resolve(".cache/llama.cpp/bartowski_Llama-3.2-1B-Instruct-GGUF_Llama-3.2-1B-Instruct-Q8_0.gguf"));
        Files.writeString(home.resolve(".cache/llama.cpp/bartowski_Llama-3.2-1B-Instruct-GGUF_Llama-3.2-1B-Instruct-Q8_0.gguf.json"),
                "{\"etag\":\"x\"}");

        LocalModels.Scan scan = new LocalModels(StoreLocations.of(Map.of("HOME", home.toString())), List.of()).scan();
        Map<String, LocalModel> m = byName(scan);

        LocalModel llama = m.get("llama3.2:1b");
        assertEquals(LocalStore.OLLAMA, llama.store());
        assertEquals(home.resolve(".ollama/models/blobs/sha256-" + HEX_A), llama.path());
        assertEquals("llama", llama.architecture());
        assertEquals("Q8_0", llama.quantisation());
        assertTrue(llama.supported(), llama.unsupported());
        assertEquals(Files.size(llama.path()), llama.size());
        assertTrue(llama.parameters() > 0);
        assertTrue(m.containsKey("hf.co/bartowski/SmolLM2-135M-Instruct-GGUF:Q8_0"), m.keySet().toString());

        LocalModel smol = m.get("HuggingFaceTB/SmolLM2-135M-Instruct-GGUF/smollm2-135m-instruct-q4_k_m.gguf");
        assertEquals(LocalStore.HUGGING_FACE, smol.store());
        assertEquals("Q4_K_M", smol.quantisation());
        assertTrue(smol.supported());

        LocalModel qwen = m.get("lmstudio-community/Qwen2.5-0.5B-Instruct-GGUF/Qwen2.5-0.5B-Instruct-Q8_0.gguf");
        assertEquals(LocalStore.LM_STUDIO, qwen.store());
        LocalModel gemma = m.get("google/gemma-3-1b-it-GGUF/gemma-3-1b-it-Q4_K_M.gguf");
        assertEquals("gemma3", gemma.architecture());
        assertEquals("architecture gemma3", gemma.unsupported());

        LocalModel cpp = m.get("bartowski_Llama-3.2-1B-Instruct-GGUF_Llama-3.2-1B-Instruct-Q8_0.gguf");
        assertEquals(LocalStore.LLAMA_CPP, cpp.store());
        assertEquals("Q8_0", cpp.quantisation());

        assertEquals(6, scan.models().size(), m.keySet().toString());
        assertEquals(List.of("ollama: gone:latest: manifest " + ollama.resolve("manifests/registry.ollama.ai/library/gone/latest")
                + ": its model blob sha256-" + "e".repeat(64) + " is missing"), scan.notes());
    }

    @Test
    void honoursTheToolsEnvironmentVariablesAndTheConfigFolders() throws IOException {
        Path elsewhere = home.resolve("elsewhere");
        Path ollama = elsewhere.resolve("ollama-models");
        tinyLlama(ollama.resolve("blobs/sha256-" + HEX_A));
        manifest(ollama, "registry.ollama.ai", "library", "smollm2", "135m", "sha256:" + HEX_A);
        Path hfHome = elsewhere.resolve("hf");
        Path file = tinyLlama(hfHome.resolve("hub/models--Qwen--Qwen3-0.6B-GGUF/snapshots/abc/Qwen3-0.6B-Q8_0.gguf"));
        tinyLlama(elsewhere.resolve("llama-cache/tiny-q8_0.gguf"));
        tinyLlama(elsewhere.resolve("xdg/lm-studio/models/pub/repo/model.gguf"));
        // the default places are ignored when a variable moves them
        tinyLlama(home.resolve(".ollama/models/blobs/sha256-" + HEX_B));
        manifest(home.resolve(".ollama/models"), "registry.ollama.ai", "library", "hidden", "latest", "sha256:" + HEX_B);

        Path folder = home.resolve("my models");
        tinyLlama(folder.resolve("one.gguf"));
        tinyLlama(folder.resolve("deep/er/two.gguf"));
        tinyLlama(folder.resolve("big-00001-of-00003.gguf"));
        tinyLlama(folder.resolve("big-00002-of-00003.gguf"));
        Files.writeString(folder.resolve("broken.gguf"), "<html>Not Found</html>");
        Files.writeString(folder.resolve("notes.txt"), "not a model");
        Files.createSymbolicLink(folder.resolve("same-as-hub.gguf"), file);

        Map<String, String> env = Map.of("HOME", home.toString(), "OLLAMA_MODELS", ollama.toString(),
                "HF_HOME", hfHome.toString(), "LLAMA_CACHE", elsewhere.resolve("llama-cache").toString(),
                "XDG_CACHE_HOME", elsewhere.resolve("xdg").toString());
        LocalModels.Scan scan = new LocalModels(StoreLocations.of(env), List.of("~/my models", "/no/such/folder")).scan();
        Map<String, LocalModel> m = byName(scan);

        assertEquals(LocalStore.OLLAMA, m.get("smollm2:135m").store());
        assertEquals(LocalStore.HUGGING_FACE, m.get("Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf").store());
        assertEquals(LocalStore.LLAMA_CPP, m.get("tiny-q8_0.gguf").store());
        assertEquals(LocalStore.LM_STUDIO, m.get("pub/repo/model.gguf").store());
        assertEquals(LocalStore.CONFIG, m.get("one.gguf").store());
        assertEquals(LocalStore.CONFIG, m.get("deep/er/two.gguf").store());
        LocalModel big = m.get("big-00001-of-00003.gguf");
        assertTrue(big.unsupported().startsWith("split into 3 files"), big.unsupported());
        assertEquals("not a GGUF file (no GGUF magic at its start)", m.get("broken.gguf").unsupported());
        assertEquals("?", m.get("broken.gguf").architecture());
        assertTrue(!m.containsKey("hidden:latest") && !m.containsKey("same-as-hub.gguf")
                && !m.containsKey("big-00002-of-00003.gguf"), m.keySet().toString());
        assertEquals(8, scan.models().size(), m.keySet().toString());
        assertEquals(List.of("config: model folder /no/such/folder does not exist"), scan.notes());
    }

    @Test
    void anEmptyHomeListsNothing() {
        LocalModels.Scan scan = new LocalModels(StoreLocations.of(Map.of("HOME", home.toString())), List.of()).scan();
        assertTrue(scan.models().isEmpty());
        assertTrue(scan.notes().isEmpty());
    }

    @Test
    void aHostileManifestNeverLeavesTheStore() throws IOException {
        Path ollama = home.resolve(".ollama/models");
        manifest(ollama, "registry.ollama.ai", "library", "evil", "latest", "sha256:../../../../etc/passwd");
        LocalModels.Scan scan = new LocalModels(StoreLocations.of(Map.of("HOME", home.toString())), List.of()).scan();
        assertTrue(scan.models().isEmpty());
        assertEquals(1, scan.notes().size());
        assertTrue(scan.notes().get(0).contains("is not sha256:HEX"), scan.notes().get(0));
        assertNull(LocalModels.describe(LocalStore.CONFIG, "x", tinyLlama(home.resolve("x.gguf"))).unsupported());
    }
}
