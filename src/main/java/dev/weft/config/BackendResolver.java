package dev.weft.config;

import java.util.Map;

/**
 * Turns command-line flags, the config file and the environment into one {@link BackendSpec}:
 * <ol>
 *   <li>{@code --profile NAME}: that profile, with any other flag overriding its field;</li>
 *   <li>{@code --api KIND}: a backend from the flags alone;</li>
 *   <li>the config's {@code default_profile}, with flags overriding its fields;</li>
 *   <li>nothing at all: the embedded model.</li>
 * </ol>
 * For the openai kinds, {@code OPENAI_BASE_URL} stands in for a missing endpoint and
 * {@code OPENAI_API_KEY} for a missing key variable, as OpenAI's own clients do.
 */
public final class BackendResolver {
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";

    private BackendResolver() {}

    public static BackendSpec resolve(BackendFlags flags, WeftConfig config, Map<String, String> env)
            throws ConfigException {
        if (flags.profile() != null) {
            Profile p = config.profile(flags.profile()).orElseThrow(() -> new ConfigException(
                    "no profile '" + flags.profile() + "' in " + config.describeSource()
                            + " (profiles: " + config.profileNames() + ")"));
            return fromProfile(p, flags, env);
        }
        if (flags.api() != null) {
            ApiKind api = ConfigStep.within("--api", () -> ApiKind.parse(flags.api()));
            Profile adHoc = new Profile("--api", api, null, null, null, null, null, null, null);
            return fromProfile(adHoc, flags, env);
        }
        if (config.defaultProfile() != null) {
            return fromProfile(config.profile(config.defaultProfile()).orElseThrow(), flags, env);
        }
        if (!flags.isEmpty()) {
            throw new ConfigException("--endpoint, --model and --api-key-env need --api KIND or --profile NAME");
        }
        return new BackendSpec.Embedded();
    }

    private static BackendSpec fromProfile(Profile p, BackendFlags flags, Map<String, String> env)
            throws ConfigException {
        if (p.api() == ApiKind.GGUF) {
            if (p.name().equals("--api")) {
                throw new ConfigException("--api gguf: give the model file with --gguf FILE");
            }
            return new BackendSpec.Gguf(p.name(), expandHome(p.model(), env));
        }
        String where = p.name().equals("--api") ? "--api " + p.api() : "profile '" + p.name() + "'";
        String model = flags.model() != null ? flags.model() : p.model();
        if (model == null || model.isBlank()) {
            throw new ConfigException(where + ": no model given; add --model NAME"
                    + (p.name().equals("--api") ? "" : " or \"model\" to the profile"));
        }
        String baseUrl = flags.endpoint() != null ? Urls.checkBaseUrl(flags.endpoint(), "--endpoint") : p.baseUrl();
        if (baseUrl == null && p.api().isOpenAi() && nonBlank(env.get(OPENAI_BASE_URL))) {
            baseUrl = Urls.checkBaseUrl(env.get(OPENAI_BASE_URL), "$" + OPENAI_BASE_URL);
        }
        if (baseUrl == null) {
            baseUrl = p.api().defaultBaseUrl();
        }
        ServerDialect dialect = p.dialect() != null ? p.dialect() : ServerDialect.guess(baseUrl);
        String profileName = p.name().equals("--api") ? null : p.name();
        return new BackendSpec.Remote(profileName, p.api(), baseUrl, model.strip(), dialect,
                key(p, flags, env, where), p.extra(), p.capabilities(), p.parallel());
    }

    private static ApiKey key(Profile p, BackendFlags flags, Map<String, String> env, String where)
            throws ConfigException {
        String variable = flags.apiKeyEnv() != null ? flags.apiKeyEnv() : p.apiKeyEnv();
        if (variable != null) {
            String value = env.get(variable);
            if (!nonBlank(value)) {
                throw new ConfigException(where + ": environment variable " + variable + " (named by "
                        + (flags.apiKeyEnv() != null ? "--api-key-env" : "api_key_env") + ") is not set");
            }
            return ApiKey.of(value, "$" + variable);
        }
        if (p.apiKey().isPresent()) {
            return p.apiKey();
        }
        if (p.api().isOpenAi() && nonBlank(env.get(OPENAI_API_KEY))) {
            return ApiKey.of(env.get(OPENAI_API_KEY), "$" + OPENAI_API_KEY);
        }
        return ApiKey.none();
    }

    /** A path as written in the config: a leading {@code ~/} is the user's home. */
    public static java.nio.file.Path expandHome(String path, Map<String, String> env) {
        if (path.equals("~") || path.startsWith("~/")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return java.nio.file.Path.of(home + path.substring(1));
        }
        return java.nio.file.Path.of(path);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

}
