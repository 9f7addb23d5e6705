package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String text, String perms) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    @Test
    void readsProfilesAndLeavesOtherSectionsAlone() throws Exception {
        Path file = write("""
                {"default_profile": "local",
                 "keymap": {"normal": {"x": "quit"}},
                 "profiles": {
                   "local": {"api": "llamacpp", "base_url": "http://127.0.0.1:8080/", "model": "qwen2.5-0.5b"},
                   "vllm": {"api": "openai-completions", "base_url": "http://gpu:8000/v1", "model": "base",
                            "server": "vllm", "api_key_env": "VLLM_KEY", "extra": {"repetition_penalty": 1.0},
                            "capabilities": {"max_top_logprobs": 50, "honours_n": true}}}}""", "rw-r--r--");
        WeftConfig config = ConfigFile.load(file);
        assertEquals("local", config.defaultProfile());
        Profile local = config.profile("local").orElseThrow();
        assertEquals(ApiKind.LLAMACPP, local.api());
        assertEquals("http://127.0.0.1:8080", local.baseUrl());
        Profile vllm = config.profile("vllm").orElseThrow();
        assertEquals(ServerDialect.VLLM, vllm.dialect());
        assertEquals("VLLM_KEY", vllm.apiKeyEnv());
        assertEquals(1.0, vllm.extra().get("repetition_penalty").asDouble());
        assertEquals(new CapabilityOverrides(50, null, true, null), vllm.capabilities());
    }

    @Test
    void aMissingFileIsAnEmptyConfig() throws Exception {
        assertEquals(WeftConfig.EMPTY, ConfigFile.load(dir.resolve("none.json")));
    }

    @Test
    void refusesAKeyInAFileOthersCanRead() throws Exception {
        String text = "{\"profiles\": {\"oai\": {\"api\": \"openai-chat\", \"model\": \"gpt-4o-mini\", \"api_key\": \"sk-x\"}}}";
        Path shared = write(text, "rw-r-----");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(shared));
        assertEquals("config " + shared + " holds an api_key but is readable by others; run: chmod 600 " + shared
                + " (or move the key to an environment variable named by api_key_env)", e.getMessage());
        assertFalse(e.getMessage().contains("sk-x"));

        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-------"));
        assertTrue(ConfigFile.load(shared).profile("oai").orElseThrow().apiKey().isPresent());
    }

    @Test
    void mistakesNameTheFileAndTheProfile() throws Exception {
        Path p = dir.resolve("c.json");
        assertEquals("config " + p + ": profile 'x': unknown key 'modle' (known: ",
                message("{\"profiles\": {\"x\": {\"api\": \"ollama\", \"modle\": \"m\"}}}", p).replaceAll("\\(known: .*", "(known: "));
        assertEquals("config " + p + ": profile 'x': unknown api 'openai': expected one of openai-completions,"
                + " openai-chat, llamacpp, ollama, gguf", message("{\"profiles\": {\"x\": {\"api\": \"openai\"}}}", p));
        assertEquals("config " + p + ": profile 'x': base URL 'localhost:8080' must start with http:// or https://"
                + " and name a host", message("{\"profiles\": {\"x\": {\"api\": \"ollama\", \"base_url\": \"localhost:8080\"}}}", p));
        assertEquals("config " + p + ": default_profile \"y\" names no profile (have: x)",
                message("{\"default_profile\": \"y\", \"profiles\": {\"x\": {\"api\": \"ollama\"}}}", p));
        assertTrue(message("{\"profiles\": {", p).startsWith("config " + p + ": not valid JSON: "));
        assertEquals("config " + p + ": profile 'x': capabilities.max_top_logprobs must be a whole number >= 0",
                message("{\"profiles\": {\"x\": {\"api\": \"ollama\", \"capabilities\": {\"max_top_logprobs\": -1}}}}", p));
    }

    @Test
    void aProfileSaysHowManyRequestsAtOnce() throws Exception {
        Path p = dir.resolve("c.json");
        WeftConfig c = ConfigFile.parse("{\"profiles\": {\"l\": {\"api\": \"llamacpp\", \"model\": \"m\", \"parallel\": 8},"
                + " \"o\": {\"api\": \"ollama\", \"model\": \"m\"}}}", p);
        assertEquals(8, c.profile("l").orElseThrow().parallel());
        assertEquals(null, c.profile("o").orElseThrow().parallel()); // the server's slots, else the default
        for (String bad : new String[] {"0", "65", "2.5", "\"8\""}) {
            assertEquals("config " + p + ": profile 'x': 'parallel' must be a whole number from 1 to 64 (requests at once)",
                    message("{\"profiles\": {\"x\": {\"api\": \"ollama\", \"parallel\": " + bad + "}}}", p));
        }
    }

    private static String message(String text, Path p) {
        return assertThrows(ConfigException.class, () -> ConfigFile.parse(text, p)).getMessage();
    }

    @Test
    void followsXdg() {
        assertEquals(Path.of("/x/weft/config.json"), ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.config/weft/config.json"), ConfigFile.defaultPath(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.config/weft/config.json"), ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "rel", "HOME", "/h")),
                "a relative XDG_CONFIG_HOME is ignored, as the spec says");
    }
}
