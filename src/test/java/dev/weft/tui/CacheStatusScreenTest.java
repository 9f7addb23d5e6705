package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.KvCacheStats;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.TokenSink;
import dev.weft.model.gguf.GgmlType;
import dev.weft.model.gguf.GgufModel;
import dev.weft.model.gguf.TinyModels;
import dev.weft.tui.keys.Action;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar shows the in-process model's cache use and hit rate, and nothing of the kind for other models. */
class CacheStatusScreenTest {
    @TempDir Path dir;

    @Test
    void theStatusBarShowsTheCacheAfterEachRequest() throws Exception {
        ReportingModel model = new ReportingModel(TestModels.embedded());
        TuiHarness h = TuiHarness.start(80, 24, model);
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
        h.command("set max-tokens 12").press(Action.GENERATE);
        Golden.assertScreen("kv-cache-status", h.screenText());
        h.press(Action.GENERATE);
        assertTrue(lastRow(h).contains("kv 75% · 24 MB"), lastRow(h));
    }

    @Test
    void aModelWithoutACacheShowsNoCacheFigure() throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded());
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
        h.command("set max-tokens 4").press(Action.GENERATE);
        assertFalse(lastRow(h).contains("kv"), lastRow(h));
    }

    @Test
    void aModelFileShowsItsCacheAsItIsUsed() throws Exception {
        Path file = TinyModels.write(TinyModels.Spec.of("llama", GgmlType.Q8_0, "gpt2"), dir.resolve("tiny.gguf"));
        try (GgufModel model = GgufModel.open(file, 1)) {
            model.cacheBudget(64L << 20);
            TuiHarness h = TuiHarness.start(100, 24, model);
            assertTrue(lastRow(h).contains("kv 0 MB"), "before any request: " + lastRow(h));
            h.press(Action.EDIT).type("The quick brown fox").press(Action.COMMIT);
            h.command("set max-tokens 6").press(Action.GENERATE);
            h.press(Action.GENERATE); // the second generation from the same node reuses the prompt's positions
            assertTrue(lastRow(h).matches(".*kv [1-9][0-9]?% · [0-9.]+ MB.*"), lastRow(h));
        }
    }

    private static String lastRow(TuiHarness h) {
        String[] rows = h.screenText().split("\n", -1);
        for (int i = rows.length - 1; i >= 0; i--) {
            if (rows[i].contains("T 0.6")) {
                return rows[i];
            }
        }
        return String.join("\n", rows);
    }

    /** A model reporting a cache that serves a growing share of each request (as the tree cache does). */
    private static final class ReportingModel implements LanguageModel {
        private final LanguageModel inner;
        private final AtomicInteger requests = new AtomicInteger();

        ReportingModel(LanguageModel inner) {
            this.inner = inner;
        }

        @Override
        public String backend() {
            return "gguf";
        }

        @Override
        public String model() {
            return "reporting.gguf";
        }

        @Override
        public Capabilities capabilities() {
            return inner.capabilities();
        }

        @Override
        public boolean takesPartialCharacters() {
            return inner.takesPartialCharacters();
        }

        @Override
        public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
                throws ModelException {
            requests.incrementAndGet();
            return inner.generate(prompt, params, sink, cancel);
        }

        @Override
        public KvCacheStats cacheStats() {
            int n = requests.get();
            // none before a request; after one, half the positions reused; after two, three quarters
            long reused = n == 0 ? 0 : n == 1 ? 100 : 300;
            long computed = n == 0 ? 0 : 100;
            return new KvCacheStats(reused + computed, 4 * n, (12L * n) << 20, 512L << 20, reused, computed, 0);
        }
    }
}
