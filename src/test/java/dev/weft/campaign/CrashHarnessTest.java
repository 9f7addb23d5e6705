package dev.weft.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.session.SessionStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded SIGKILL / SIGTERM / SIGHUP rounds against a real process exploring a session
 * ({@link CrashDriver}), all on one session file: after every kill the session opens, holds
 * every action the process had reported durable, its node count never drops, and no temp file
 * of a killed save stays behind. A few rounds run with the tests; the long run is
 * {@code -Dweft.crash.rounds=300} (README, "Reliability").
 */
class CrashHarnessTest {
    static final int ROUNDS = Integer.getInteger("weft.crash.rounds", 4);
    static final long SEED = Long.getLong("weft.crash.seed", 9);

    @TempDir
    Path dir;

    @Test
    void killedAtAnyMomentTheSessionOpensWithEverythingItReported() throws Exception {
        Path file = dir.resolve("crash.json");
        Random random = new Random(SEED);
        long lastNodes = 0;
        int killsDuringSaves = 0;
        int kills = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String signal = switch (random.nextInt(3)) {
                case 0 -> "KILL";
                case 1 -> "TERM";
                default -> "HUP";
            };
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashDriver.class.getName(), file.toString(),
                    String.valueOf(SEED * 1000 + round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long durableSeq = 0;
            long durableNodes = 0;
            boolean saving = false;
            int lines = 20 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < lines; i++) {
                    String line = out.readLine();
                    if (line == null) {
                        break;
                    }
                    if (line.startsWith("journaled ")) {
                        String[] parts = line.split(" ");
                        durableSeq = Long.parseLong(parts[1]);
                        durableNodes = Long.parseLong(parts[2]);
                    }
                    saving = line.equals("saving") || (saving && !line.equals("saved"));
                }
                new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
                kills++;
                killsDuringSaves += saving ? 1 : 0;
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "round " + round + ": the process did not end");
            }
            String at = "round " + round + " (SIG" + signal + ")";
            try (SessionStore store = SessionStore.open(file)) {
                assertTrue(store.session().journalSeq() >= durableSeq, at + ": lost journaled actions: "
                        + store.session().journalSeq() + " < " + durableSeq);
                assertTrue(store.loom().size() >= durableNodes, at + ": nodes dropped");
                assertTrue(store.loom().size() >= lastNodes, at + ": the node count dropped");
                lastNodes = store.loom().size();
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                assertEquals(List.of(), left, at + ": temp files left after reopening");
            }
        }
        System.out.printf("crash harness: %d rounds, %d kills, %d during a save, %d nodes at the end%n",
                ROUNDS, kills, killsDuringSaves, lastNodes);
    }
}
