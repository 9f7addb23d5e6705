package dev.weft.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code $XDG_CONFIG_HOME/weft/config.json} (or {@code ~/.config/weft/config.json}):
 * <pre>{@code
 * { "default_profile": "local",
 *   "profiles": { "local": { "api": "llamacpp", "base_url": "http://127.0.0.1:8080", "model": "qwen",
 *                            "api_key_env": "LLAMA_KEY", "server": "vllm", "extra": {}, "capabilities": {} } } }
 * }</pre>
 * Other top-level sections belong to other parts of weft and are left alone; inside a profile an
 * unknown key is an error, so a typo never silently drops a setting.
 */
public final class ConfigFile {
    /** Made on first use: most starts have no config file, and a mapper costs a few hundred ms cold. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    private static final Set<String> PROFILE_KEYS =
            Set.of("api", "base_url", "model", "api_key_env", "api_key", "server", "extra", "capabilities", "path",
                    "parallel");
    private static final Set<String> CAPABILITY_KEYS =
            Set.of("max_top_logprobs", "scores_text", "honours_n", "streams");

    private ConfigFile() {}

    /** The config path the XDG rules give for this environment. */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "weft", "config.json");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "weft", "config.json");
    }

    /** Reads the file; a missing file is an empty config. */
    public static WeftConfig load(Path path) throws ConfigException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return WeftConfig.EMPTY;
        } catch (IOException e) {
            throw new ConfigException("config " + path + ": cannot read: " + e.getMessage());
        }
        WeftConfig config = parse(text, path);
        if (holdsKey(config)) {
            refuseIfShared(path);
        }
        return config;
    }

    /** Parses config text; {@code path} is only used in messages. */
    public static WeftConfig parse(String text, Path path) throws ConfigException {
        JsonNode root;
        try {
            root = Mapper.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + path + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config " + path + ": expected a JSON object at the top");
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        JsonNode list = root.path("profiles");
        if (!list.isMissingNode() && !list.isObject()) {
            throw new ConfigException("config " + path + ": 'profiles' must be an object of name → profile");
        }
        for (Map.Entry<String, JsonNode> e : list.properties()) {
            profiles.put(e.getKey(), profile(e.getKey(), e.getValue(), "config " + path + ": profile '" + e.getKey() + "'"));
        }
        String defaultProfile = null;
        JsonNode def = root.path("default_profile");
        if (!def.isMissingNode() && !def.isNull()) {
            if (!def.isTextual() || !profiles.containsKey(def.asText())) {
                throw new ConfigException("config " + path + ": default_profile " + def
                        + " names no profile (have: " + String.join(", ", profiles.keySet()) + ")");
            }
            defaultProfile = def.asText();
        }
        return new WeftConfig(path, profiles, defaultProfile);
    }

    private static Profile profile(String name, JsonNode node, String where) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(where + ": expected an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!PROFILE_KEYS.contains(key)) {
                throw new ConfigException(where + ": unknown key '" + key + "' (known: " + String.join(", ", PROFILE_KEYS) + ")");
            }
        }
        String api = text(node, "api", where);
        if (api == null) {
            throw new ConfigException(where + ": 'api' is required (" + ApiKind.labels() + ")");
        }
        ApiKind kind = ConfigStep.within(where, () -> ApiKind.parse(api));
        String path = text(node, "path", where);
        if (kind == ApiKind.GGUF) {
            // a model file run in process: its path is the model; server settings mean nothing here
            if (path == null) {
                throw new ConfigException(where + ": a gguf profile needs 'path', the model file");
            }
            return new Profile(name, kind, null, path, null, null, null, null, null);
        }
        if (path != null) {
            throw new ConfigException(where + ": 'path' is only for \"api\": \"gguf\" (a model file)");
        }
        String baseUrl = text(node, "base_url", where);
        if (baseUrl != null) {
            baseUrl = Urls.checkBaseUrl(baseUrl, where);
        }
        String server = text(node, "server", where);
        ServerDialect dialect = server == null ? null : ConfigStep.within(where, () -> ServerDialect.parse(server));
        String key = text(node, "api_key", where);
        ApiKey apiKey = key == null ? ApiKey.none() : ApiKey.of(key, "config api_key of profile '" + name + "'");
        JsonNode extra = node.path("extra");
        if (!extra.isMissingNode() && !extra.isObject()) {
            throw new ConfigException(where + ": 'extra' must be an object of request fields");
        }
        JsonNode parallel = node.path("parallel");
        if (!parallel.isMissingNode() && !(parallel.isIntegralNumber() && parallel.canConvertToInt()
                && parallel.asInt() >= 1 && parallel.asInt() <= 64)) {
            throw new ConfigException(where + ": 'parallel' must be a whole number from 1 to 64 (requests at once)");
        }
        return new Profile(name, kind, baseUrl, text(node, "model", where), text(node, "api_key_env", where), apiKey,
                dialect, extra.isObject() ? (ObjectNode) extra : null, capabilities(node.path("capabilities"), where),
                parallel.isMissingNode() ? null : parallel.asInt());
    }

    private static CapabilityOverrides capabilities(JsonNode node, String where) throws ConfigException {
        if (node.isMissingNode()) {
            return CapabilityOverrides.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": 'capabilities' must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!CAPABILITY_KEYS.contains(key)) {
                throw new ConfigException(where + ": unknown capability '" + key + "' (known: "
                        + String.join(", ", CAPABILITY_KEYS) + ")");
            }
        }
        JsonNode top = node.path("max_top_logprobs");
        if (!top.isMissingNode() && !(top.canConvertToInt() && top.isIntegralNumber() && top.asInt() >= 0)) {
            throw new ConfigException(where + ": capabilities.max_top_logprobs must be a whole number >= 0");
        }
        return new CapabilityOverrides(top.isMissingNode() ? null : top.asInt(), flag(node, "scores_text", where),
                flag(node, "honours_n", where), flag(node, "streams", where));
    }

    private static Boolean flag(JsonNode node, String key, String where) throws ConfigException {
        JsonNode v = node.path(key);
        if (v.isMissingNode()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(where + ": capabilities." + key + " must be true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode node, String key, String where) throws ConfigException {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(where + ": '" + key + "' must be a non-empty string");
        }
        return v.asText();
    }


    private static boolean holdsKey(WeftConfig config) {
        return config.profiles().values().stream().anyMatch(p -> p.apiKey().isPresent());
    }

    /** A key in a file that others can read is a leaked key: refuse it rather than use it. */
    private static void refuseIfShared(Path path) throws ConfigException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new ConfigException("config " + path + ": cannot read its permissions: " + e.getMessage());
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new ConfigException("config " + path + " holds an api_key but is readable by others;"
                    + " run: chmod 600 " + path + " (or move the key to an environment variable named by api_key_env)");
        }
    }
}
