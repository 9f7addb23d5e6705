package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.config.ApiKey;
import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.CapabilityOverrides;
import dev.weft.config.ServerDialect;
import dev.weft.loom.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test settings that record notices, debug lines and sleeps (and never sleep), plus spec builders. */
public final class Harness {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    public final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    public final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    public HttpSettings settings() {
        return HttpSettings.DEFAULTS
                .withRetry(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30)), sleeps::add,
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withNotices(notices::add)
                .withDebug(debug::add);
    }

    public static BackendSpec.Remote spec(ApiKind api, String baseUrl, ServerDialect dialect, ApiKey key) {
        return new BackendSpec.Remote("test", api, baseUrl, "test-model", dialect, key, null, CapabilityOverrides.NONE);
    }

    /** A spec for {@code api} at {@code baseUrl}; {@code streamed} false turns streaming off. */
    public static BackendSpec.Remote spec(ApiKind api, String baseUrl, ServerDialect dialect, boolean streamed) {
        BackendSpec.Remote s = spec(api, baseUrl, dialect);
        return streamed ? s : withCaps(s, NOT_STREAMED);
    }

    public static BackendSpec.Remote spec(ApiKind api, String baseUrl, ServerDialect dialect) {
        return spec(api, baseUrl, dialect, ApiKey.none());
    }

    public static JsonNode json(String text) {
        try {
            return Json.read(text);
        } catch (Json.MalformedJson e) {
            throw new AssertionError(e);
        }
    }

    /** A token as "text|logprob|alt:lp,alt:lp" for compact exact assertions. */
    public static String show(Token t) {
        StringBuilder s = new StringBuilder(t.text()).append('|').append(t.logprob());
        if (!t.top().isEmpty()) {
            s.append('|');
            for (int i = 0; i < t.top().size(); i++) {
                s.append(i == 0 ? "" : ",").append(t.top().get(i).text()).append(':').append(t.top().get(i).logprob());
            }
        }
        return s.toString();
    }

    public static List<String> show(List<Token> tokens) {
        return tokens.stream().map(Harness::show).toList();
    }

    /** A recorded body from {@code src/test/resources/dev/weft/model/http/recorded/}. */
    public static String recorded(String name) {
        try (var in = Harness.class.getResourceAsStream("recorded/" + name)) {
            if (in == null) {
                throw new AssertionError("no recorded body " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A recorded stream replayed event by event: SSE events end at a blank line, NDJSON events at a newline. */
    public static LocalServer.Reply replay(String name) {
        String text = recorded(name);
        List<String> chunks = new ArrayList<>();
        boolean sse = name.endsWith(".sse");
        for (String part : text.split(sse ? "(?<=\\n\\n)" : "(?<=\\n)")) {
            if (!part.isBlank()) {
                chunks.add(part);
            }
        }
        return LocalServer.Reply.stream(sse ? "text/event-stream" : "application/x-ndjson", chunks);
    }

    public static BackendSpec.Remote withCaps(BackendSpec.Remote spec, CapabilityOverrides caps) {
        return new BackendSpec.Remote(spec.profile(), spec.api(), spec.baseUrl(), spec.model(), spec.dialect(),
                spec.apiKey(), spec.extra(), caps);
    }

    public static final CapabilityOverrides NOT_STREAMED = new CapabilityOverrides(null, null, null, false);
}
