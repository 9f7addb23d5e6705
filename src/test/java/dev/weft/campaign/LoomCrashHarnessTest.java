package dev.weft.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded SIGKILL / SIGTERM / SIGHUP rounds and terminal hang-ups against the loom itself: the
 * real {@code weft FILE} full-screen on a pty ({@link PtyLoom}), driven by keys (generate, more
 * siblings, longer, swap in an alternative, edit, regenerate, move, {@code :w}) on the embedded
 * model, killed at a random moment, often just after a {@code :w} so the kill lands in the
 * save. All rounds share one session file, which grows. After every kill: the process has
 * ended, the session opens, it holds every journal entry and node an outside reader saw before
 * the kill, the node the status bar showed and the tokens it counted on that path, its node
 * count never drops, no generation is left "still arriving", and no temp file stays. A few
 * rounds run with the tests; the long run is {@code -Dweft.crash.loom-rounds=300} (README,
 * "Reliability").
 */
class LoomCrashHarnessTest {
    static final int ROUNDS = Integer.getInteger("weft.crash.loom-rounds", 2);
    static final long SEED = Long.getLong("weft.crash.seed", 9);
    /** The status bar: mode, node id, …, the cursor's token on the path and the path's length. */
    private static final Pattern STATUS = Pattern.compile("(?m)^ [A-Z][A-Z ]*[A-Z]  (?:generating…  )?#(\\d+) (.*)$");
    private static final Pattern TOKENS = Pattern.compile("\\btok (\\d+)/(\\d+)\\b");
    private static final List<String> WORDS = List.of("the Council", "Europe", "we must", "however", "Parliament",
            "in my view", "the Commission", "budget", "citizens", "agreement");

    @TempDir
    Path dir;

    private final Counts counts = new Counts();

    @Test
    void theLoomKilledAtAnyMomentOpensWithEverythingItShowedAndRecorded() throws Exception {
        Assumptions.assumeTrue(PtyLoom.available(), "tmux is not installed: the loom rounds need a pty");
        Path file = dir.resolve("loom.json");
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.record(new LoomAction.AddRoot(TokenRun.unscored("Mr President,")));
            store.save();
        }
        Random random = new Random(SEED);
        // the first rounds try each way to go (the suite's two: a kill and a dropped terminal), then at random
        List<String> signals = List.of("KILL", "hangup", "TERM", "HUP");
        long lastNodes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String signal = round < signals.size() ? signals.get(round) : signals.get(random.nextInt(signals.size()));
            String at = "round " + round + " (" + signal + ", seed " + SEED + ")";
            lastNodes = round(file, random, signal, at, lastNodes);
            if (ROUNDS > 10) { // a long run says how far it is
                System.out.printf("round %d %s: %d nodes, %d during a save so far%n", round, signal, lastNodes, counts.duringSave);
            }
        }
        System.out.printf("loom crash harness: %d rounds, %d kills (%s), %d during a save, %d during a journal"
                        + " write, %d while generating, %d screens checked (%d with their token count), %d nodes at the end%n",
                ROUNDS, counts.kills, counts.bySignal(), counts.duringSave, counts.duringAppend, counts.whileGenerating,
                counts.screens, counts.tokenScreens, lastNodes);
    }

    private long round(Path file, Random random, String signal, String at, long lastNodes) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Seen seen;
        try (PtyLoom loom = PtyLoom.start("weft-crash-" + ProcessHandle.current().pid(), file, home, 140, 30)) {
            assertTrue(loom.awaitScreen(" #", Duration.ofSeconds(60)), at + ": the loom did not come up:\n" + loom.screen());
            int actions = 2 + random.nextInt(10);
            boolean atSave = false;
            for (int i = 0; i < actions; i++) {
                // the first round (the suite's SIGKILL) always ends in a save, then half of them
                atSave = act(loom, random, i == actions - 1 && (lastNodes == 0 || random.nextInt(2) == 0));
                Thread.sleep(random.nextInt(150));
            }
            Thread.sleep(atSave ? random.nextInt(60) : random.nextInt(400));
            seen = Seen.of(file, dir.resolve("seen"));
            String screen = loom.screen();
            if (atSave) { // aim at the write: wait (a while) for the save's temp file, then kill within a few ms
                saveUnderWay(file, Duration.ofSeconds(5));
                Thread.sleep(random.nextInt(5));
            }
            if ("hangup".equals(signal)) {
                loom.hangUp();
            } else {
                loom.signal(signal);
            }
            counts.kill(signal, screen.contains("generating…"));
            assertTrue(loom.awaitExit(Duration.ofSeconds(30)), at + ": weft still runs 30 s after the " + signal);
            seen = seen.withScreen(screen);
        }
        String base = file.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            counts.duringSave += files.anyMatch(f -> f.getFileName().toString().startsWith("." + base + ".")
                    && f.getFileName().toString().endsWith(".tmp")) ? 1 : 0;
        }
        byte[] journal = Files.exists(SessionFile.journalOf(file)) ? Files.readAllBytes(SessionFile.journalOf(file)) : new byte[0];
        counts.duringAppend += journal.length > 0 && journal[journal.length - 1] != '\n' ? 1 : 0;

        try (SessionStore store = SessionStore.open(file)) {
            Loom loom = store.loom();
            assertTrue(store.session().journalSeq() >= seen.seq, at + ": journal entries lost: "
                    + store.session().journalSeq() + " < " + seen.seq + " seen before the kill");
            assertTrue(loom.size() >= seen.nodes, at + ": nodes lost: " + loom.size() + " < " + seen.nodes + " seen before the kill");
            assertTrue(loom.size() >= lastNodes, at + ": the node count dropped from " + lastNodes + " to " + loom.size());
            assertEquals(List.of(), Interrupted.cuts(loom), at + ": generations left running");
            if (seen.shownNode >= 0) {
                counts.screens++;
                counts.tokenScreens += seen.shownTokens > 0 ? 1 : 0;
                NodeId shown = new NodeId(seen.shownNode);
                assertTrue(loom.contains(shown), at + ": node #" + seen.shownNode + " was on screen but is not in the session");
                int recorded = longestPathThrough(loom, shown);
                assertTrue(recorded >= seen.shownTokens, at + ": the screen showed " + seen.shownTokens
                        + " tokens on the path to #" + seen.shownNode + ", the session holds " + recorded);
            }
            lastNodes = loom.size();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, at + ": temp files left after reopening");
        }
        return lastNodes;
    }

    /** One user action, by keys; true when it was a save. */
    private static boolean act(PtyLoom loom, Random random, boolean save) throws Exception {
        int pick = save ? 99 : random.nextInt(100);
        if (pick < 25) {
            loom.keys("g");
        } else if (pick < 33) {
            loom.keys(random.nextBoolean() ? "C" : "M", "g");
        } else if (pick < 43) {
            List<String> keys = new ArrayList<>(List.of("a"));
            for (int j = random.nextInt(4); j > 0; j--) {
                keys.add("j");
            }
            keys.add(random.nextBoolean() ? "Enter" : "r");
            loom.keys(keys.toArray(String[]::new));
        } else if (pick < 53) {
            loom.keys("i");
            loom.type(" " + WORDS.get(random.nextInt(WORDS.size())));
            loom.keys("Escape");
        } else if (pick < 58) {
            loom.keys("r");
        } else if (pick < 62) {
            loom.keys("Escape");
        } else if (pick < 85) {
            String[] moves = {"h", "l", "k", "j", "<", ">", "[", "]", "Home", "End"};
            List<String> keys = new ArrayList<>();
            for (int j = 1 + random.nextInt(5); j > 0; j--) {
                keys.add(moves[random.nextInt(moves.length)]);
            }
            loom.keys(keys.toArray(String[]::new));
        } else {
            if (save && random.nextBoolean()) {
                loom.keys("g"); // a generation streaming while the file is written
            }
            loom.keys(":", "w", "Enter");
            return true;
        }
        return false;
    }

    /** Waits until a save of {@code file} is writing its temp file; false when none starts in {@code timeout}. */
    private static boolean saveUnderWay(Path file, Duration timeout) throws Exception {
        String prefix = "." + file.getFileName() + ".";
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
                if (files.map(f -> f.getFileName().toString()).anyMatch(n -> n.startsWith(prefix) && n.endsWith(".tmp"))) {
                    return true;
                }
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** The most tokens on a path from the root through {@code id} into its subtree. */
    private static int longestPathThrough(Loom loom, NodeId id) {
        int above = 0;
        for (Node n : loom.path(id)) {
            above += n.tokens().size();
        }
        return above - loom.node(id).tokens().size() + longestDown(loom, id);
    }

    private static int longestDown(Loom loom, NodeId id) {
        int best = 0;
        for (NodeId child : loom.node(id).children()) {
            best = Math.max(best, longestDown(loom, child));
        }
        return loom.node(id).tokens().size() + best;
    }

    /**
     * What was visible before the kill: the journal seq and node count an outside reader found
     * (the journal read before the file: a save renames the file, then restarts the journal),
     * and the node and token count the status bar showed. Each is a floor for the reopened session.
     */
    private record Seen(long seq, long nodes, int shownNode, int shownTokens) {
        static Seen of(Path file, Path scratch) throws Exception {
            for (int attempt = 0; attempt < 5; attempt++) {
                Files.createDirectories(scratch);
                Path copy = scratch.resolve("copy.json");
                Path journal = SessionFile.journalOf(file);
                Files.deleteIfExists(SessionFile.journalOf(copy));
                if (Files.exists(journal)) {
                    Files.copy(journal, SessionFile.journalOf(copy), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                try (SessionStore store = SessionStore.openReadOnly(copy)) {
                    return new Seen(store.session().journalSeq(), store.loom().size(), -1, 0);
                } catch (dev.weft.session.SessionException e) {
                    Thread.sleep(5); // the journal restarted between the two copies: look again
                }
            }
            return new Seen(0, 0, -1, 0);
        }

        Seen withScreen(String screen) {
            Matcher m = STATUS.matcher(screen);
            if (!m.find()) {
                return this;
            }
            Matcher tokens = TOKENS.matcher(m.group(2));
            return new Seen(seq, nodes, Integer.parseInt(m.group(1)), tokens.find() ? Integer.parseInt(tokens.group(2)) : 0);
        }
    }

    private static final class Counts {
        int kills;
        int duringSave;
        int duringAppend;
        int whileGenerating;
        int screens;
        int tokenScreens;
        final java.util.TreeMap<String, Integer> signals = new java.util.TreeMap<>();

        void kill(String signal, boolean generating) {
            kills++;
            whileGenerating += generating ? 1 : 0;
            signals.merge(signal, 1, Integer::sum);
        }

        String bySignal() {
            return signals.toString();
        }
    }
}
