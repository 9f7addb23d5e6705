package dev.weft.model.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ollama's store: {@code manifests/HOST/NAMESPACE/MODEL/TAG} are JSON manifests (Docker's v2
 * layout) whose layer of media type {@code application/vnd.ollama.image.model} names the GGUF
 * blob by digest, kept as {@code blobs/sha256-HEX} (ollama/ollama server/manifest.go,
 * server/modelpath.go). Names are shown as {@code ollama list} shows them: the default registry
 * and the {@code library} namespace are left out ({@code llama3.2:1b}).
 */
final class OllamaStore {
    static final String MODEL_LAYER = "application/vnd.ollama.image.model";
    private static final String DEFAULT_HOST = "registry.ollama.ai";
    private static final String DEFAULT_NAMESPACE = "library";
    private static final Pattern DIGEST = Pattern.compile("sha256[:-][0-9a-f]{64}");
    /** Made when a manifest is read, not when the search starts (most machines have no Ollama store). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** A manifest resolved to its model blob. */
    record Entry(String name, Path blob) {}

    private OllamaStore() {}

    static List<Entry> entries(Path root, List<String> notes) {
        Path manifests = root.resolve("manifests");
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(manifests)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(manifests, 4)) {
            files = walk.filter(p -> manifests.relativize(p).getNameCount() == 4 && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            notes.add("ollama: cannot list " + manifests + ": " + e.getMessage());
            return out;
        }
        for (Path manifest : files) {
            Path rel = manifests.relativize(manifest);
            String name = name(rel.getName(0).toString(), rel.getName(1).toString(), rel.getName(2).toString(),
                    rel.getName(3).toString());
            try {
                Path blob = blob(root, manifest);
                if (blob == null) {
                    continue; // an embedding-only or adapter manifest: no model layer to list
                }
                out.add(new Entry(name, blob));
            } catch (IOException e) {
                notes.add("ollama: " + name + ": manifest " + manifest + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code ollama list}'s name: HOST/NAMESPACE/MODEL:TAG with the defaults left out. */
    static String name(String host, String namespace, String model, String tag) {
        if (host.equals(DEFAULT_HOST)) {
            return namespace.equals(DEFAULT_NAMESPACE) ? model + ":" + tag : namespace + "/" + model + ":" + tag;
        }
        return host + "/" + namespace + "/" + model + ":" + tag;
    }

    private static Path blob(Path root, Path manifest) throws IOException {
        JsonNode json;
        try {
            json = Mapper.JSON.readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new IOException("not valid JSON");
        }
        if (json == null || !json.path("layers").isArray()) {
            throw new IOException("no layers");
        }
        for (JsonNode layer : json.path("layers")) {
            if (MODEL_LAYER.equals(layer.path("mediaType").asText())) {
                String digest = layer.path("digest").asText();
                if (!DIGEST.matcher(digest).matches()) {
                    throw new IOException("model layer digest " + quoted(digest) + " is not sha256:HEX");
                }
                Path blob = root.resolve("blobs").resolve(digest.replace(':', '-'));
                if (!Files.isRegularFile(blob)) {
                    throw new IOException("its model blob " + blob.getFileName() + " is missing");
                }
                return blob;
            }
        }
        return null;
    }

    private static String quoted(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }
}
