package dev.weft.replay;

import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.model.LanguageModel;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the example sessions of {@code sessions/} with the embedded model, exploring by script
 * the way a person does in the TUI (see {@link Explorer}). Every sample is seeded and the clock
 * is scripted, so the files come out the same on every run and a rebuild shows up in a diff only
 * when weft's behaviour changed. From the project directory:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.weft.replay.ExampleSessions -Dexec.args=sessions
 * </pre>
 */
public final class ExampleSessions {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration THINKING = Duration.ofMillis(2500);
    private static final SamplingParams BASE = SamplingParams.DEFAULTS.withMaxTokens(24).withTopLogprobs(5);
    /** The README's deliberately collapsed corpus: one answer template and a favourite number. */
    static final Path COLLAPSED = Path.of("examples/collapsed.txt");
    /** The README's "favourite random number" prompt, and the candidates and prefix of its {@code weft dist} run. */
    static final String NUMBER_PROMPT = "Q: Tell me a random integer between 0 and 100. A: Ok, the integer is";
    static final int MAX_CANDIDATE = 100;
    static final String CANDIDATE_PREFIX = " ";

    private ExampleSessions() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "sessions");
        Files.createDirectories(dir);
        String cache = System.getProperty("weft.cache");
        ModelCache models = cache == null ? ModelCache.userDefault() : ModelCache.at(Path.of(cache));
        int order = EmbeddedModel.DEFAULT_ORDER;
        try (EmbeddedModel europarl = EmbeddedModel.open(TrainingCorpus.europarl(), order, models);
             EmbeddedModel collapsed = EmbeddedModel.open(TrainingCorpus.file(COLLAPSED), order, models)) {
            build(dir.resolve("branching.json"), europarl, ExampleSessions::branching);
            build(dir.resolve("attractor.json"), europarl, ExampleSessions::attractor);
            build(dir.resolve("distribution.json"), collapsed, ExampleSessions::distribution);
        }
    }

    /** One scripted exploration. */
    private interface Script {
        void explore(Explorer explorer) throws Exception;
    }

    private static void build(Path file, LanguageModel model, Script script) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(SessionFile.journalOf(file));
        TickingClock clock = new TickingClock(START, THINKING);
        try (SessionStore store = SessionStore.openOrCreate(file, clock)) {
            script.explore(new Explorer(store, model, model.backend(), clock));
            store.save();
        }
        System.out.println("wrote " + file);
    }

    /** Sibling completions, a swap at a token, completions of the swap, and a regeneration from mid-text. */
    static void branching(Explorer explorer) throws Exception {
        NodeId root = explorer.prompt("Mr President, I would like to");
        List<NodeId> three = explorer.generate(root, BASE.withN(3).withSeed(7L));
        NodeId swapped = explorer.swap(three.get(0), 2, 1);
        List<NodeId> below = explorer.generate(swapped, BASE.withN(2).withSeed(8L));
        explorer.bookmark(below.get(0));
        explorer.regenerateFrom(three.get(1), 6, BASE.withN(2).withTemperature(0.7).withSeed(9L));
        explorer.look(below.get(0), 3);
    }

    /**
     * The temperature-0 completion, then edits at three places, each regenerated at temperature 0:
     * the endings fall back into the same loop. The edits go from the last place to the first, as
     * each edit splits the original there and the original keeps the text before.
     */
    static void attractor(Explorer explorer) throws Exception {
        SamplingParams greedy = BASE.withTemperature(0).withMaxTokens(32);
        NodeId root = explorer.prompt("In my opinion, the");
        NodeId original = explorer.generate(root, greedy).get(0);
        String[] insertions = {" the Council", " however", " Parliament"};
        int[] atTokens = {14, 8, 3};
        for (int i = 0; i < insertions.length; i++) {
            TokenRun tokens = explorer.loom().node(original).tokens();
            int at = Math.min(atTokens[i], tokens.size() - 1);
            int start = Utf8.decode(tokens.bytes()).charAt()[tokens.byteOffsets()[at]];
            NodeId edit = explorer.edit(original, start, insertions[i]);
            explorer.generate(edit, greedy);
        }
        // the cursor on the mainline (the first children from the original down), so that v measures
        // every perturbation against it, as weft attractor does
        NodeId mainline = original;
        while (!explorer.loom().node(mainline).children().isEmpty()) {
            mainline = explorer.loom().node(mainline).children().get(0);
        }
        explorer.look(mainline, 0);
    }

    /**
     * The distribution run of the README, {@code weft dist --candidates 0..100 --corpus
     * examples/collapsed.txt PROMPT}, on the collapsed model: one scored branch per candidate, whose
     * probability is the candidate's. {@code weft dist} prints its figures but records nothing, and
     * the journal has no entry of its own for a distribution, so this is how a session holds one.
     */
    static void distribution(Explorer explorer) throws Exception {
        NodeId root = explorer.prompt(NUMBER_PROMPT);
        for (int n = 0; n <= MAX_CANDIDATE; n++) {
            explorer.candidate(root, CANDIDATE_PREFIX + n);
        }
        explorer.look(root, 0);
    }
}
