package dev.weft.tui.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.model.KvCacheStats;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.UiState;
import org.junit.jupiter.api.Test;

/** The in-process model's cache figures reach the status bar's backend, and only that backend's. */
class UpdateCacheTest {
    private static final KvCacheStats STATS = new KvCacheStats(900, 30, 40L << 20, 512L << 20, 870, 130, 0);

    @Test
    void aReportOfTheBackendInUseIsKeptWithItAndChangesNothingElse() {
        UiState s = UiFixtures.withCompletion();
        UiState next = Update.update(s, new Msg.CacheReported("tiny", STATS)).state();
        assertEquals(STATS, next.settings().backend().cache());
        assertEquals(s.loom(), next.loom());
        assertEquals(s.focus(), next.focus());
        assertNull(next.message(), "a figure for the status bar, not a message");
    }

    @Test
    void aReportFromABackendSwitchedAwayFromIsDropped() {
        UiState s = UiFixtures.withCompletion();
        UiState next = Update.update(s, new Msg.CacheReported("old-model", STATS)).state();
        assertNull(next.settings().backend().cache());
    }

    @Test
    void theStatusBarFigureIsTheHitRateAndTheMemoryHeldOfTheBudget() {
        assertEquals("kv 87% · 40 MB", STATS.brief());
        assertEquals("kv 0 MB", new KvCacheStats(0, 0, 0, 512L << 20, 0, 0, 0).brief());
        assertEquals("kv 50% · 1.5 MB", new KvCacheStats(10, 1, 3L << 19, 64L << 20, 5, 5, 0).brief());
    }
}
