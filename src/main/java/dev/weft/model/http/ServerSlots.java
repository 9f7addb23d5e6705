package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.model.ModelException;
import java.util.function.IntSupplier;

/**
 * How many sibling requests go to a server at once: the profile's {@code "parallel"} when it
 * sets one; else, for llama.cpp, the slots its server says it has ({@code total_slots} in
 * {@code GET /props}, its {@code --parallel}: each slot decodes one request, so more only queue);
 * else {@link HttpSettings#maxParallel()}. The server is asked at the first fan-out, not at start.
 */
final class ServerSlots {
    private ServerSlots() {}

    static IntSupplier of(BackendSpec.Remote spec, HttpTransport transport, HttpSettings settings) {
        if (spec.parallel() != null) {
            int fixed = spec.parallel();
            return () -> fixed;
        }
        boolean llamaCpp = spec.api() == ApiKind.LLAMACPP || spec.dialect() == ServerDialect.LLAMACPP;
        if (!llamaCpp) {
            return settings::maxParallel;
        }
        return () -> {
            int slots = ask(spec, transport, settings);
            if (slots > 0) {
                settings.notices().notice(spec.api().label() + ": " + slots + " request" + (slots == 1 ? "" : "s")
                        + " at a time (the server's total_slots; a profile's \"parallel\" sets another)");
                return slots;
            }
            return settings.maxParallel();
        };
    }

    /** The server's {@code total_slots}, or 0 when it does not say (an older server, a proxy, an error). */
    static int totalSlots(JsonNode props) {
        JsonNode slots = props == null ? null : props.get("total_slots");
        return slots != null && slots.canConvertToInt() && slots.isIntegralNumber() && slots.asInt() > 0
                ? slots.asInt() : 0;
    }

    private static int ask(BackendSpec.Remote spec, HttpTransport transport, HttpSettings settings) {
        String path = Doctor.propsPath(spec);
        String base = spec.baseUrl();
        try {
            if (spec.api() == ApiKind.LLAMACPP) {
                return totalSlots(transport.getJson(path));
            }
            // llama.cpp's OpenAI-compatible endpoints live under /v1; /props at the server's root
            if (!base.endsWith("/v1")) {
                return 0;
            }
            try (HttpTransport root = new HttpTransport(spec.api().label(), spec.model(),
                    base.substring(0, base.length() - 3), spec.apiKey(), settings)) {
                return totalSlots(root.getJson(path));
            }
        } catch (ModelException | RuntimeException e) {
            settings.debug().accept(spec.api().label() + ": " + path + " did not say the server's slots: " + e.getMessage());
            return 0;
        }
    }
}
