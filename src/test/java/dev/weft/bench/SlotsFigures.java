package dev.weft.bench;

import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.HttpSettings;
import dev.weft.model.http.LocalServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * n siblings from a llama.cpp-shaped stub server with a slot limit: each completion waits for a
 * free slot, then takes a fixed time; {@code /props} says {@code total_slots}. Times n = 1 and
 * n = 8 with the width weft now takes from the server, and with the former fixed 4, alternating;
 * prints min / median / max. Usage: {@code SlotsFigures [SLOTS [MILLIS [RUNS]]]} (default 8 500 5).
 */
public final class SlotsFigures {
    private SlotsFigures() {}

    public static void main(String[] args) throws Exception {
        int slots = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 500;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Semaphore free = new Semaphore(slots, true);
        try (LocalServer server = LocalServer.start().respondWith(r -> {
            if (r.path().startsWith("/props")) {
                return LocalServer.Reply.ok("{\"default_generation_settings\":{\"n_ctx\":4096},\"total_slots\":" + slots + "}");
            }
            free.acquireUninterruptibly();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                free.release();
            }
            return LocalServer.Reply.ok("{\"content\":\" a\",\"stop\":true,\"stop_type\":\"limit\","
                    + "\"completion_probabilities\":[{\"token\":\" a\",\"logprob\":-0.5,\"top_logprobs\":[]}]}");
        })) {
            BackendSpec.Remote asks = Harness.spec(ApiKind.LLAMACPP, server.base(""), ServerDialect.GENERIC, false);
            BackendSpec.Remote four = new BackendSpec.Remote(asks.profile(), asks.api(), asks.baseUrl(), asks.model(),
                    asks.dialect(), asks.apiKey(), asks.extra(), asks.capabilities(), 4);
            List<Long> one = new ArrayList<>();
            List<Long> eight = new ArrayList<>();
            List<Long> eightAtFour = new ArrayList<>();
            try (LanguageModel now = Backends.open(asks, HttpSettings.DEFAULTS);
                 LanguageModel before = Backends.open(four, HttpSettings.DEFAULTS)) {
                time(now, 1);
                time(now, 8); // warm: connections, the /props question
                time(before, 8);
                for (int i = 0; i < runs; i++) {
                    one.add(time(now, 1));
                    eight.add(time(now, 8));
                    eightAtFour.add(time(before, 8));
                }
            }
            System.out.printf("stub llama.cpp server, %d slots, %d ms per completion, %d runs%n", slots, millis, runs);
            System.out.println("n = 1:                              " + spread(one));
            System.out.println("n = 8, width from /props total_slots: " + spread(eight));
            System.out.println("n = 8, fixed 4 at a time (before):    " + spread(eightAtFour));
        }
    }

    private static long time(LanguageModel m, int n) throws Exception {
        long t0 = System.nanoTime();
        m.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withN(n).withSeed(1L), (i, t) -> {}, Cancellation.NEVER);
        return System.nanoTime() - t0;
    }

    private static String spread(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return String.format("min %d / median %d / max %d ms", s.get(0) / 1_000_000, s.get(s.size() / 2) / 1_000_000,
                s.get(s.size() - 1) / 1_000_000);
    }
}
