package dev.weft.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Which backend to open: the embedded model, or a remote server fully resolved from flags, profile and environment. */
public sealed interface BackendSpec {

    /** A short label for a status bar: "embedded", "llamacpp · qwen @ http://127.0.0.1:8080". */
    String describe();

    /** Nothing configured: the in-process n-gram model. */
    record Embedded() implements BackendSpec {
        @Override
        public String describe() {
            return "embedded";
        }
    }

    /**
     * A GGUF model file run in process.
     *
     * @param profile the profile name it came from, or null for {@code --gguf}
     */
    record Gguf(String profile, java.nio.file.Path path) implements BackendSpec {
        public Gguf {
            if (path == null) {
                throw new IllegalArgumentException("gguf backend needs a path");
            }
        }

        @Override
        public String describe() {
            return "gguf · " + path.getFileName();
        }
    }

    /**
     * A server to talk to.
     *
     * @param profile the profile name it came from, or null for {@code --api} flags
     * @param baseUrl  without a trailing slash, e.g. {@code http://127.0.0.1:8000/v1}
     * @param parallel how many sibling requests at once; null: what the server says, else the default
     */
    record Remote(String profile, ApiKind api, String baseUrl, String model, ServerDialect dialect, ApiKey apiKey,
                  ObjectNode extra, CapabilityOverrides capabilities, Integer parallel) implements BackendSpec {
        public Remote(String profile, ApiKind api, String baseUrl, String model, ServerDialect dialect, ApiKey apiKey,
                      ObjectNode extra, CapabilityOverrides capabilities) {
            this(profile, api, baseUrl, model, dialect, apiKey, extra, capabilities, null);
        }

        public Remote {
            if (parallel != null && parallel < 1) {
                throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
            }
            if (api == null || baseUrl == null || model == null || dialect == null) {
                throw new IllegalArgumentException("remote backend needs api, base URL, model and dialect");
            }
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            apiKey = apiKey == null ? ApiKey.none() : apiKey;
            extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
            capabilities = capabilities == null ? CapabilityOverrides.NONE : capabilities;
        }

        @Override
        public ObjectNode extra() {
            return extra.deepCopy();
        }

        @Override
        public String describe() {
            return api.label() + " · " + model + " @ " + Urls.display(baseUrl);
        }
    }
}
