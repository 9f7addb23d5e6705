package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.config.Urls;
import dev.weft.model.Capabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What works for one remote backend: whether the server answers, whether it has the model, what
 * it says about itself (llama.cpp's context size and slots, Ollama's version, a vLLM behind a
 * generic profile) and which capabilities weft will assume. {@link #probe} asks the server;
 * {@link #report} is a pure function of the answers, so it is tested without a network.
 */
public final class Doctor {
    /** Ollama gained logprobs in 0.12.11. */
    static final int[] OLLAMA_LOGPROBS_SINCE = {0, 12, 11};

    private Doctor() {}

    /** The status endpoints this backend's server has, by path. */
    public static List<String> probePaths(BackendSpec.Remote spec) {
        return switch (spec.api()) {
            case OPENAI_COMPLETIONS, OPENAI_CHAT -> List.of("/models");
            case LLAMACPP -> List.of("/health", propsPath(spec));
            case OLLAMA -> List.of("/api/version", "/api/tags");
            case GGUF -> List.of();
        };
    }

    /**
     * llama.cpp's router mode (several models behind one server) answers {@code /props} for the model
     * named in the query; a single-model server ignores the query.
     */
    static String propsPath(BackendSpec.Remote spec) {
        return "/props?model=" + java.net.URLEncoder.encode(spec.model(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Asks the server each status endpoint once. */
    public static Map<String, ProbeResult> probe(BackendSpec.Remote spec, HttpSettings settings) {
        Map<String, ProbeResult> results = new LinkedHashMap<>();
        try (HttpTransport transport = Backends.transport(spec, settings)) {
            for (String path : probePaths(spec)) {
                results.put(path, transport.probe(path));
            }
        }
        return results;
    }

    public static List<DoctorLine> report(BackendSpec.Remote spec, Map<String, ProbeResult> results) {
        List<DoctorLine> lines = new ArrayList<>();
        lines.add(DoctorLine.info((spec.profile() == null ? "flags" : "profile " + spec.profile()) + ": "
                + spec.describe() + (spec.api().isOpenAi() ? " (server: " + spec.dialect() + ")" : "")
                + (spec.apiKey().isPresent() ? ", key from " + spec.apiKey().source() : ", no key")));
        switch (spec.api()) {
            case OPENAI_COMPLETIONS, OPENAI_CHAT -> openAi(spec, results.get("/models"), lines);
            case LLAMACPP -> llamaCpp(spec, results.get("/health"), results.get(propsPath(spec)), lines);
            case OLLAMA -> ollama(spec, results.get("/api/version"), results.get("/api/tags"), lines);
            case GGUF -> { }
        }
        lines.add(capabilities(spec));
        return lines;
    }

    private static void openAi(BackendSpec.Remote spec, ProbeResult models, List<DoctorLine> lines) {
        String where = base(spec) + "/models";
        if (!(models instanceof ProbeResult.Answered answered)) {
            lines.add(unreachable(models));
            return;
        }
        if (!answered.ok()) {
            lines.add(answered.status() == 401 || answered.status() == 403
                    ? DoctorLine.fail(where + " refused the key (" + answered.status() + ")" + said(answered))
                    : DoctorLine.warn(where + " answered " + answered.status() + said(answered)));
            return;
        }
        List<String> ids = new ArrayList<>();
        boolean vllm = false;
        boolean llamaCpp = false;
        for (JsonNode m : answered.json() == null ? List.<JsonNode>of() : listOf(answered.json().path("data"))) {
            ids.add(m.path("id").asText());
            vllm |= "vllm".equals(m.path("owned_by").asText());
            llamaCpp |= "llamacpp".equals(m.path("owned_by").asText());
            if (m.path("id").asText().equals(spec.model()) && m.has("max_model_len")) {
                lines.add(DoctorLine.info("vLLM serves '" + spec.model() + "' with max_model_len "
                        + m.path("max_model_len").asInt()));
            }
        }
        lines.add(modelListed(where, spec.model(), ids));
        if (vllm && spec.dialect() != ServerDialect.VLLM) {
            lines.add(DoctorLine.warn("the server looks like vLLM (owned_by: vllm): add \"server\": \"vllm\" to the"
                    + " profile to send top_k and min_p, sample n siblings in one request and score text"));
        }
        if (llamaCpp && spec.dialect() != ServerDialect.LLAMACPP) {
            lines.add(DoctorLine.warn("the server looks like llama.cpp (owned_by: llamacpp): it samples with its own"
                    + " defaults (top_k 40, top_p 0.95, min_p 0.05) for every field not sent; add \"server\": \"llamacpp\""
                    + " to the profile so weft sends them all"));
        }
    }

    private static void llamaCpp(BackendSpec.Remote spec, ProbeResult health, ProbeResult props,
                                 List<DoctorLine> lines) {
        if (!(health instanceof ProbeResult.Answered answered)) {
            lines.add(unreachable(health));
            return;
        }
        String where = base(spec) + "/health";
        lines.add(answered.ok() ? DoctorLine.ok(where + ": ready")
                : answered.status() == 503 ? DoctorLine.warn(where + ": the server is still loading the model (503)")
                : DoctorLine.warn(where + " answered " + answered.status() + said(answered)));
        if (props instanceof ProbeResult.Answered p && p.ok() && p.json() != null) {
            JsonNode settings = p.json().path("default_generation_settings");
            int nCtx = settings.path("n_ctx").asInt(p.json().path("n_ctx").asInt(0));
            int slots = p.json().path("total_slots").asInt(0);
            lines.add(DoctorLine.info(base(spec) + "/props: context " + (nCtx > 0 ? nCtx + " tokens" : "unknown")
                    + ", " + (slots > 0 ? slots + " slot(s): siblings run " + slots + " at a time" : "slots unknown")
                    + (p.json().has("model_path") ? ", model " + p.json().path("model_path").asText() : "")
                    + (p.json().has("build_info") ? ", build " + p.json().path("build_info").asText() : "")));
        } else {
            lines.add(DoctorLine.warn(base(spec) + "/props did not answer; context size and slots unknown"));
        }
    }

    private static void ollama(BackendSpec.Remote spec, ProbeResult version, ProbeResult tags,
                               List<DoctorLine> lines) {
        if (!(version instanceof ProbeResult.Answered v)) {
            lines.add(unreachable(version));
            return;
        }
        String number = v.json() == null ? "" : v.json().path("version").asText("");
        if (number.isEmpty()) {
            lines.add(DoctorLine.warn(base(spec) + "/api/version did not say which Ollama this is"));
        } else if (older(number, OLLAMA_LOGPROBS_SINCE)) {
            lines.add(DoctorLine.warn("Ollama " + number + " sends no logprobs (they came in 0.12.11): tokens will be unscored"));
        } else {
            lines.add(DoctorLine.ok("Ollama " + number + " at " + base(spec)));
        }
        if (tags instanceof ProbeResult.Answered t && t.ok() && t.json() != null) {
            List<String> names = new ArrayList<>();
            for (JsonNode m : listOf(t.json().path("models"))) {
                names.add(m.path("name").asText(m.path("model").asText()));
            }
            lines.add(modelListed(base(spec) + "/api/tags", spec.model(), names));
        }
    }

    private static DoctorLine capabilities(BackendSpec.Remote spec) {
        Capabilities c = Backends.capabilities(spec);
        return DoctorLine.info("assumed: up to " + c.maxTopLogprobs() + " alternatives per token; scores text: "
                + (c.scoresText() ? "yes" : "no") + "; siblings: " + (c.honoursN() ? "one request" : "parallel requests")
                + "; streaming: " + (c.streams() ? "yes" : "no")
                + (spec.capabilities().isEmpty() ? "" : " (with the profile's overrides)"));
    }

    private static DoctorLine modelListed(String where, String model, List<String> names) {
        boolean listed = names.contains(model) || names.contains(model + ":latest");
        if (listed) {
            return DoctorLine.ok(where + " lists " + names.size() + " model(s), including '" + model + "'");
        }
        String some = String.join(", ", names.subList(0, Math.min(5, names.size())));
        return DoctorLine.warn("'" + model + "' is not among the " + names.size() + " model(s) at " + where
                + (names.isEmpty() ? "" : " (" + some + (names.size() > 5 ? ", …" : "") + ")"));
    }

    /** The base URL as messages show it: without credentials. */
    private static String base(BackendSpec.Remote spec) {
        return Urls.display(spec.baseUrl());
    }

    private static DoctorLine unreachable(ProbeResult result) {
        return DoctorLine.fail(result instanceof ProbeResult.Unreachable u ? u.message() : "not probed");
    }

    private static String said(ProbeResult.Answered answered) {
        return answered.error().isEmpty() ? "" : ": " + answered.error();
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** Compares dotted version numbers ("0.12.3" against 0.12.11); unreadable parts count as 0. */
    static boolean older(String version, int[] than) {
        String[] parts = version.replaceFirst("^v", "").split("[.\\-+]");
        for (int i = 0; i < than.length; i++) {
            int part = 0;
            if (i < parts.length) {
                try {
                    part = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    part = 0;
                }
            }
            if (part != than[i]) {
                return part < than[i];
            }
        }
        return false;
    }
}
