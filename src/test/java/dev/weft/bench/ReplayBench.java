package dev.weft.bench;

import dev.weft.cli.Main;
import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import dev.weft.replay.StepSummary;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replay of a recorded session of 10,000 journal entries (see {@link LongRecording}). Steps per
 * second = 10,000 / the time of one operation:
 * <ul>
 *   <li>{@code headlessCommand}: {@code weft replay --headless FILE} in process (read and check the
 *       session and journal, replay every step, describe each on a line), output discarded;</li>
 *   <li>{@code replayOpen}: replay every step of a recording already read, keeping checkpoints;</li>
 *   <li>{@code describeSteps}: apply and describe every step, as the headless output does;</li>
 *   <li>{@code jump}: the session at a random step, as a player's jump needs it.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayBench {
    static final int ENTRIES = 10_000;

    private Path dir;
    private Path file;
    private Recording recording;
    private Replay replay;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup
    public void setUp() throws IOException, SessionException {
        dir = Files.createTempDirectory("weft-replay-bench");
        file = dir.resolve("long.json");
        LongRecording.write(file, ENTRIES, 42);
        recording = Recording.open(file);
        replay = Replay.of(recording);
        Session end = recording.end();
        System.out.printf("%n[replay] %,d journal entries, %,d nodes, %,d tokens; journal %,d bytes%n",
                recording.size(), end.loom().size(), end.loom().tokenCount(),
                Files.size(dir.resolve("long.json.journal")));
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int headlessCommand() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        return Main.run(new String[] {"replay", "--headless", file.toString()}, nowhere, nowhere);
    }

    @Benchmark
    public Replay replayOpen() throws SessionException {
        return Replay.of(recording);
    }

    @Benchmark
    public int describeSteps() {
        int length = 0;
        Session before = replay.after(0);
        for (int step = 1; step <= replay.steps(); step++) {
            JournalEntry entry = replay.entry(step);
            Session after = before.apply(entry);
            length += StepSummary.of(entry, before, after).text().length();
            before = after;
        }
        return length;
    }

    @Benchmark
    public Session jump() {
        return replay.after(random.nextInt(replay.steps() + 1));
    }
}
