package dev.weft.tui;

import org.junit.jupiter.api.Test;

/** A message wider than the screen (:set alone lists every setting) wraps onto the rows above instead of being cut. */
class LongMessageScreenTest {
    @Test
    void setAloneShowsEverySettingWrapped() throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, TestModels.embedded());
        h.command("set");
        Golden.assertScreen("set-wrapped", h.screenText());
        TuiHarness small = TuiHarness.start(40, 12, TestModels.embedded());
        small.command("set");
        Golden.assertScreen("set-wrapped-40x12", small.screenText());
    }
}
