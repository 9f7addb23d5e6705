package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendResolverTest {
    private static final WeftConfig CONFIG;

    static {
        try {
            CONFIG = ConfigFile.parse("""
                    {"default_profile": "local", "profiles": {
                      "local": {"api": "llamacpp", "model": "qwen"},
                      "vllm": {"api": "openai-completions", "base_url": "http://gpu:8000/v1", "model": "base",
                               "server": "vllm", "api_key_env": "VLLM_KEY"},
                      "oai": {"api": "openai-chat", "model": "gpt-4o-mini"}}}""", Path.of("config.json"));
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    private static BackendSpec.Remote remote(BackendFlags flags, WeftConfig config, Map<String, String> env)
            throws ConfigException {
        return assertInstanceOf(BackendSpec.Remote.class, BackendResolver.resolve(flags, config, env));
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedModel() throws Exception {
        assertEquals(new BackendSpec.Embedded(), BackendResolver.resolve(BackendFlags.NONE, WeftConfig.EMPTY,
                Map.of("OPENAI_API_KEY", "sk-x")), "a key in the environment alone selects nothing");
    }

    @Test
    void theDefaultProfileWithItsUsualAddress() throws Exception {
        BackendSpec.Remote r = remote(BackendFlags.NONE, CONFIG, Map.of());
        assertEquals("local", r.profile());
        assertEquals("http://127.0.0.1:8080", r.baseUrl());
        assertEquals("llamacpp · qwen @ http://127.0.0.1:8080", r.describe());
    }

    @Test
    void aNamedProfileTakesItsKeyFromTheVariableItNames() throws Exception {
        BackendSpec.Remote r = remote(new BackendFlags("vllm", null, null, "base-2", null), CONFIG, Map.of("VLLM_KEY", "k1"));
        assertEquals("base-2", r.model(), "--model overrides the profile's");
        assertEquals(ServerDialect.VLLM, r.dialect());
        assertEquals("k1", r.apiKey().reveal());
        assertEquals("$VLLM_KEY", r.apiKey().source());
        assertEquals("profile 'vllm': environment variable VLLM_KEY (named by api_key_env) is not set",
                assertThrows(ConfigException.class, () -> remote(new BackendFlags("vllm", null, null, null, null),
                        CONFIG, Map.of())).getMessage());
    }

    @Test
    void openAiKindsHonourTheEcosystemsVariables() throws Exception {
        BackendSpec.Remote r = remote(new BackendFlags("oai", null, null, null, null), CONFIG,
                Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", "https://proxy.example/v1"));
        assertEquals("https://proxy.example/v1", r.baseUrl());
        assertEquals("sk-env", r.apiKey().reveal());
        assertEquals(ServerDialect.GENERIC, r.dialect());
        BackendSpec.Remote plain = remote(new BackendFlags("oai", null, null, null, null), CONFIG, Map.of());
        assertEquals("https://api.openai.com/v1", plain.baseUrl());
        assertEquals(ServerDialect.OPENAI, plain.dialect());
        assertEquals(ApiKey.none(), plain.apiKey());
    }

    @Test
    void adHocFlags() throws Exception {
        BackendSpec.Remote r = remote(new BackendFlags(null, "openai-completions", "http://127.0.0.1:9000/v1/", "M", "MY_KEY"),
                CONFIG, Map.of("MY_KEY", "k2", "OPENAI_API_KEY", "sk-env"));
        assertEquals(null, r.profile());
        assertEquals(ApiKind.OPENAI_COMPLETIONS, r.api());
        assertEquals("http://127.0.0.1:9000/v1", r.baseUrl());
        assertEquals("k2", r.apiKey().reveal(), "--api-key-env wins over OPENAI_API_KEY");
        assertEquals("--api ollama: no model given; add --model NAME",
                assertThrows(ConfigException.class, () -> remote(new BackendFlags(null, "ollama", null, null, null),
                        CONFIG, Map.of())).getMessage());
        assertEquals("--api: unknown api 'vllm': expected one of openai-completions, openai-chat, llamacpp, ollama, gguf",
                assertThrows(ConfigException.class, () -> remote(new BackendFlags(null, "vllm", null, "m", null),
                        CONFIG, Map.of())).getMessage());
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        assertEquals("no profile 'gpu' in config.json (profiles: local, oai, vllm)",
                assertThrows(ConfigException.class, () -> BackendResolver.resolve(
                        new BackendFlags("gpu", null, null, null, null), CONFIG, Map.of())).getMessage());
    }

    @Test
    void flagsWithoutAKindOrProfileAreAnError() {
        assertEquals("--endpoint, --model and --api-key-env need --api KIND or --profile NAME",
                assertThrows(ConfigException.class, () -> BackendResolver.resolve(
                        new BackendFlags(null, null, null, "m", null), WeftConfig.EMPTY, Map.of())).getMessage());
    }
}
