package dev.weft.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The config's {@code "model_folders": ["~/models", "/data/gguf"]}: folders {@code weft models}
 * searches for GGUF files besides the stores of Ollama, Hugging Face, LM Studio and llama.cpp.
 */
public final class ModelFolders {
    public static final String KEY = "model_folders";
    /** Made on first use (no static initialiser that does work: the loom reads this while it starts). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private ModelFolders() {}

    /** The folders listed in the config file; none when the file or the key is absent. */
    public static List<String> read(Path config) throws ConfigException {
        String text;
        try {
            text = Files.readString(config);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigException("config " + config + ": cannot read: " + e.getMessage());
        }
        return parse(text, config);
    }

    public static List<String> parse(String text, Path config) throws ConfigException {
        JsonNode root;
        try {
            root = Mapper.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + config + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.get(KEY);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException("config " + config + ": '" + KEY + "' must be an array of folder paths");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode folder : list) {
            if (!folder.isTextual() || folder.asText().isBlank()) {
                throw new ConfigException("config " + config + ": '" + KEY + "' holds " + folder
                        + ", not a folder path");
            }
            out.add(folder.asText());
        }
        return out;
    }
}
