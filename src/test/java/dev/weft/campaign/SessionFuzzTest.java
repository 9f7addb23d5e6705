package dev.weft.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.session.RandomLooms;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutants of a real session file and its journal (flipped and inserted bytes, cut
 * files, deleted and repeated lines, invalid UTF-8, huge numbers, deep nesting): opening one
 * read-only or for exploring never crashes or hangs, fails with one line that names the file,
 * and never modifies an input it refused. A few hundred cases run with the tests; the long run
 * is {@code -Dweft.fuzz.cases=5000} (README, "Reliability").
 */
class SessionFuzzTest {
    static final int CASES = Integer.getInteger("weft.fuzz.cases", 300);
    static final long SEED = Long.getLong("weft.fuzz.seed", 3);

    @TempDir
    Path dir;

    @Test
    void noMutantCrashesHangsOrIsModified() throws Exception {
        Path original = dir.resolve("seed.json");
        RandomLooms actions = RandomLooms.ended(SEED);
        // a fixed clock: the same bytes, so the same mutants, on every run
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-01-02T03:04:05Z"), java.time.ZoneOffset.UTC);
        try (SessionStore store = SessionStore.openOrCreate(original, clock)) {
            for (int i = 0; i < 40; i++) {
                store.record(actions.step());
                if (i == 25) {
                    store.save();
                }
            }
        }
        byte[] session = Files.readAllBytes(original);
        byte[] journal = Files.readAllBytes(SessionFile.journalOf(original));
        Random random = new Random(SEED);
        int refused = 0;
        int modified = 0;
        for (int k = 0; k < CASES; k++) {
            Path caseDir = Files.createDirectory(dir.resolve("c" + k));
            Path file = caseDir.resolve("fuzz.json");
            boolean mutateJournal = random.nextInt(3) == 0;
            byte[] s = mutateJournal ? session : mutate(session, random);
            byte[] j = mutateJournal ? mutate(journal, random) : journal;
            Files.write(file, s);
            Files.write(SessionFile.journalOf(file), j);
            String at = "case " + k + " (seed " + SEED + ")";
            boolean opened = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> open(file, at));
            if (!opened) {
                refused++;
                boolean same = Arrays.equals(s, Files.readAllBytes(file)) && Arrays.equals(j, Files.readAllBytes(SessionFile.journalOf(file)));
                modified += same ? 0 : 1;
                assertArrayEquals(s, Files.readAllBytes(file), at + ": a refused session file was modified");
                assertArrayEquals(j, Files.readAllBytes(SessionFile.journalOf(file)), at + ": a refused journal was modified");
                try (Stream<Path> files = Files.list(caseDir)) {
                    assertTrue(files.count() == 2, at + ": files left behind");
                }
            }
        }
        assertTrue(refused > CASES / 4, "too few mutants refused to mean anything: " + refused);
        System.out.printf("session fuzzer: %d mutants, %d refused, %d files modified%n", CASES, refused, modified);
    }

    /** True when it opened; a refusal must be one line naming the file. */
    private static boolean open(Path file, String at) {
        try (SessionStore reader = SessionStore.openReadOnly(file)) {
            reader.loom().size();
        } catch (SessionException e) {
            checkMessage(e, file, at);
            try (SessionStore store = SessionStore.open(file)) {
                throw new AssertionError(at + ": refused read-only but opened for exploring");
            } catch (SessionException again) {
                checkMessage(again, file, at);
                return false;
            } catch (java.io.IOException io) {
                throw new AssertionError(io);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return true;
    }

    private static void checkMessage(SessionException e, Path file, String at) {
        assertFalse(e.getMessage().contains("\n"), at + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()) || e.getMessage().startsWith(SessionFile.journalOf(file).toString()),
                at + ": " + e.getMessage());
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] out = in.clone();
        switch (random.nextInt(8)) {
            case 0 -> { // flip bytes
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // cut
            case 2 -> out = splice(out, random, bytes(new int[][] {{0xf4, 0x90, 0x80, 0x80}, {0xff}, {0xc3},
                    {0xed, 0xa0, 0x80}, {0xe0, 0x80, 0xaf}}[random.nextInt(5)]));
            case 3 -> out = splice(out, random, "99999999999999999999999999".getBytes(StandardCharsets.UTF_8));
            case 4 -> out = splice(out, random, ("[".repeat(5000) + "]".repeat(random.nextInt(5000))).getBytes(StandardCharsets.UTF_8));
            case 5 -> out = lines(out, random, false);
            case 6 -> out = lines(out, random, true);
            default -> out = splice(out, random, new byte[] {(byte) random.nextInt(256)});
        }
        return out;
    }

    private static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] splice(byte[] in, Random random, byte[] insert) {
        int at = random.nextInt(in.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, at);
        out.writeBytes(insert);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    /** Deletes (or repeats) one line. */
    private static byte[] lines(byte[] in, Random random, boolean repeat) {
        String[] lines = new String(in, StandardCharsets.ISO_8859_1).split("\n", -1);
        int k = random.nextInt(lines.length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i != k || repeat) {
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
            }
            if (i == k && repeat) {
                out.append(lines[i]).append("\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
