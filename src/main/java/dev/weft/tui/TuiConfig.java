package dev.weft.tui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code "tui"} section of weft's config file ({@link dev.weft.config.ConfigFile#defaultPath}):
 * <pre>{@code
 * { "tui": { "theme": "spectrum-256", "colors": "256",
 *            "keys": { "generate": "g F5", "tree.hoist": ["H", "z"] } } }
 * }</pre>
 * {@code "keys": "basemode"} names a preset instead ({@link dev.weft.tui.keys.Keymap#preset}); an
 * object may name one as {@code "preset"} and rebind keys on top of it.
 * Other sections belong to other parts of weft and are not read here.
 *
 * @param theme  null = chosen by colour depth
 * @param colors null = detected from the environment
 * @param keys   action (or {@code view.action}) → keys in their written form
 * @param preset the keys to start from; null = the default ones
 */
public record TuiConfig(String theme, String colors, Map<String, List<String>> keys, String preset) {
    public static final TuiConfig NONE = new TuiConfig(null, null, Map.of(), null);
    private static final Set<String> KEYS = Set.of("theme", "colors", "keys");

    public TuiConfig {
        keys = Map.copyOf(keys);
    }

    public TuiConfig(String theme, String colors, Map<String, List<String>> keys) {
        this(theme, colors, keys, null);
    }

    /** Reads the section; a missing file or section is {@link #NONE}. */
    public static TuiConfig load(Path path) throws IOException {
        try {
            return parse(Files.readString(path), path.toString());
        } catch (NoSuchFileException e) {
            return NONE;
        }
    }

    /** @throws IOException naming the file and the problem */
    public static TuiConfig parse(String json, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IOException("config " + source + ": not valid JSON");
        }
        JsonNode tui = root == null ? null : root.get("tui");
        if (tui == null || tui.isNull()) {
            return NONE;
        }
        if (!tui.isObject()) {
            throw new IOException("config " + source + ": \"tui\" must be an object");
        }
        for (Iterator<String> it = tui.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!KEYS.contains(field)) {
                throw new IOException("config " + source + ": unknown key tui." + field + " (known: theme, colors, keys)");
            }
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        JsonNode k = tui.path("keys");
        String preset = null;
        if (k.isTextual()) {
            preset = k.asText();
        } else if (!k.isMissingNode() && !k.isNull() && !k.isObject()) {
            throw new IOException("config " + source + ": tui.keys must be a preset name ("
                    + String.join(", ", dev.weft.tui.keys.Keymap.PRESETS) + ") or an object of keys");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("preset")) {
                preset = e.getValue().asText();
                continue;
            }
            List<String> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> list.add(v.asText()));
            } else if (!e.getValue().asText().isBlank()) {
                list.addAll(List.of(e.getValue().asText().trim().split("\\s+")));
            }
            keys.put(e.getKey(), list);
        }
        if (preset != null && !dev.weft.tui.keys.Keymap.PRESETS.contains(preset)) {
            throw new IOException("config " + source + ": unknown key preset tui.keys \"" + preset + "\" (presets: "
                    + String.join(", ", dev.weft.tui.keys.Keymap.PRESETS) + ")");
        }
        return new TuiConfig(text(tui, "theme"), text(tui, "colors"), keys, preset);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
