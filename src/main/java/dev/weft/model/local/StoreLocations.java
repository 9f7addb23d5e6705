package dev.weft.model.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each tool keeps its models, as that tool decides it from the environment:
 * Ollama {@code $OLLAMA_MODELS} or {@code ~/.ollama/models}; the Hugging Face hub
 * {@code $HF_HUB_CACHE}, {@code $HF_HOME/hub} or {@code $XDG_CACHE_HOME/huggingface/hub}
 * ({@code ~/.cache/huggingface/hub}); LM Studio {@code ~/.lmstudio/models} and the older
 * {@code ~/.cache/lm-studio/models}; llama.cpp {@code $LLAMA_CACHE} or
 * {@code $XDG_CACHE_HOME/llama.cpp} ({@code ~/.cache/llama.cpp}).
 */
public record StoreLocations(Path home, Path cache, Map<String, String> env) {

    public static StoreLocations of(Map<String, String> env) {
        Path home = Path.of(nonBlank(env.get("HOME"), System.getProperty("user.home")));
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return new StoreLocations(home, cache, Map.copyOf(env));
    }

    public Path ollama() {
        return pathOr("OLLAMA_MODELS", home.resolve(".ollama").resolve("models"));
    }

    public Path huggingFace() {
        String hub = env.get("HF_HUB_CACHE");
        if (hub != null && !hub.isBlank()) {
            return expand(hub);
        }
        String hf = env.get("HF_HOME");
        if (hf != null && !hf.isBlank()) {
            return expand(hf).resolve("hub");
        }
        return cache.resolve("huggingface").resolve("hub");
    }

    public List<Path> lmStudio() {
        List<Path> out = new ArrayList<>();
        out.add(home.resolve(".lmstudio").resolve("models"));
        out.add(cache.resolve("lm-studio").resolve("models"));
        return out;
    }

    public Path llamaCpp() {
        return pathOr("LLAMA_CACHE", cache.resolve("llama.cpp"));
    }

    /** A folder named in the config: {@code ~} is the home folder, a relative path is relative to it. */
    public Path expand(String folder) {
        if (folder.equals("~")) {
            return home;
        }
        if (folder.startsWith("~/")) {
            return home.resolve(folder.substring(2));
        }
        Path p = Path.of(folder);
        return p.isAbsolute() ? p : home.resolve(p);
    }

    private Path pathOr(String variable, Path fallback) {
        String v = env.get(variable);
        return v != null && !v.isBlank() ? expand(v) : fallback;
    }

    private static String nonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
