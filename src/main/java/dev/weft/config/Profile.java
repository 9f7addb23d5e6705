package dev.weft.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One named backend in the config file.
 *
 * @param baseUrl   null: the api's usual address (or {@code OPENAI_BASE_URL} for openai kinds)
 * @param model     null: must come from {@code --model}
 * @param apiKeyEnv the environment variable holding the key; null: {@code OPENAI_API_KEY} for openai kinds
 * @param apiKey    a key written in the file itself (discouraged; the file must then be private)
 * @param dialect   null: guessed from the base URL
 * @param extra     fields merged into every request body, e.g. {@code {"repeat_penalty": 1.1}}
 * @param parallel  sibling requests at once; null: what the server says (llama.cpp's slots), else 4
 */
public record Profile(String name, ApiKind api, String baseUrl, String model, String apiKeyEnv, ApiKey apiKey,
                      ServerDialect dialect, ObjectNode extra, CapabilityOverrides capabilities, Integer parallel) {
    public Profile(String name, ApiKind api, String baseUrl, String model, String apiKeyEnv, ApiKey apiKey,
                   ServerDialect dialect, ObjectNode extra, CapabilityOverrides capabilities) {
        this(name, api, baseUrl, model, apiKeyEnv, apiKey, dialect, extra, capabilities, null);
    }

    public Profile {
        if (name == null || api == null) {
            throw new IllegalArgumentException("profile needs a name and an api");
        }
        apiKey = apiKey == null ? ApiKey.none() : apiKey;
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
        capabilities = capabilities == null ? CapabilityOverrides.NONE : capabilities;
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }
}
