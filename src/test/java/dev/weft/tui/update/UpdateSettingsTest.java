package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ColorDepth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sampling keys, the command line, help, resizing and rebound keys. */
class UpdateSettingsTest {

    private static Next command(UiState s, String line) {
        return Update.update(s, new Msg.CommandEntered(line, NOW));
    }

    @Test
    void singleKeysStepTemperatureCountAndMaxTokensWithinBounds() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.TEMPERATURE_DOWN)).state();
        assertEquals(0.9, s.settings().params().temperature(), 1e-9);
        for (int i = 0; i < 30; i++) {
            s = Update.update(s, key(s, Action.TEMPERATURE_UP)).state();
        }
        assertEquals(2.0, s.settings().params().temperature(), 1e-9);
        s = Update.update(s, key(s, Action.COUNT_UP)).state();
        assertEquals(2, s.settings().params().n());
        s = Update.update(s, key(s, Action.MAX_TOKENS_UP)).state();
        assertEquals(64, s.settings().params().maxTokens());
        s = Update.update(s, key(s, Action.COUNT_DOWN)).state();
        s = Update.update(s, key(s, Action.COUNT_DOWN)).state();
        assertEquals(1, s.settings().params().n());
    }

    @Test
    void setCommandsChangeSettingsExactlyAndRejectBadValues() {
        UiState s = UiFixtures.withCompletion();
        s = command(s, ":set temperature 0.35").state();
        s = command(s, "set n=3").state();
        s = command(s, "se max 100").state();
        s = command(s, "set top-p 0.9").state();
        s = command(s, "set top-logprobs 20").state();
        assertEquals(0.35, s.settings().params().temperature(), 1e-9);
        assertEquals(3, s.settings().params().n());
        assertEquals(100, s.settings().params().maxTokens());
        assertEquals(0.9, s.settings().params().topP(), 1e-9);
        assertTrue(s.message().text().contains("reports at most 5"), s.message().text());

        UiState bad = command(s, "set top-p 2").state();
        assertTrue(bad.message().error());
        assertEquals(0.9, bad.settings().params().topP(), 1e-9);
        assertTrue(command(s, "set temperature warm").state().message().text().contains("not a number"));
        assertTrue(command(s, "frobnicate").state().message().error());
    }

    @Test
    void fileThemeAndBackendCommandsBecomeEffects() {
        UiState s = UiFixtures.withCompletion();
        assertEquals(List.of(new Effect.Save()), command(s, "w").effects());
        assertEquals(List.of(new Effect.SaveAs("other.json")), command(s, "w other.json").effects());
        assertEquals(List.of(new Effect.Open("x.json")), command(s, "e x.json").effects());
        assertEquals(List.of(new Effect.Export("out.txt", "Are bugs real? Yes, they are.\n")), command(s, "export out.txt").effects());
        assertEquals(List.of(new Effect.LoadTheme("monochrome")), command(s, "set theme monochrome").effects());
        assertEquals(List.of(new Effect.SwitchBackend(1, "local")), command(s, "set backend local").effects());
        assertEquals(ColorDepth.ANSI256, command(s, "set colors 256").state().settings().depth());
        assertEquals(new Overlay.Help(0), command(s, "help").state().overlay());
    }

    @Test
    void withoutColourTheThemeStaysMonochromeAndTheDepthsThemeFollowsTheDepth() {
        UiState s = UiFixtures.withCompletion();
        assertEquals("spectrum", s.settings().theme().name());
        Next none = command(s, "set colors none");
        assertEquals(List.of(new Effect.LoadTheme("monochrome")), none.effects());
        Next refused = command(none.state(), "set theme spectrum");
        assertTrue(refused.effects().isEmpty());
        assertTrue(refused.state().message().error());
    }

    @Test
    void quitCancelsWhatIsRunningAndAsksToSave() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.GENERATE)).state();
        Next quit = Update.update(s, key(s, Action.QUIT));
        assertTrue(quit.state().quitting());
        assertTrue(quit.effects().contains(new Effect.Cancel(1)));
        assertEquals(new Effect.Quit(), quit.effects().get(quit.effects().size() - 1));
    }

    @Test
    void ctrlCWithNothingRunningDoesNotQuit() {
        UiState s = UiFixtures.withCompletion();
        Next next = Update.update(s, new Msg.Key(KeySpec.ctrl('c'), NOW));
        assertFalse(next.state().quitting());
        assertTrue(next.effects().isEmpty());
        assertTrue(next.state().message().text().contains("saved"));
    }

    @Test
    void resizingRewrapsAndKeepsTheCursorOnScreen() {
        UiState s = UiFixtures.withCompletion();
        s = command(s, "set n 1").state();
        UiState small = Update.update(s, new Msg.Resized(new Size(12, 6))).state();
        assertEquals(new Size(12, 6), small.size());
        assertTrue(small.scroll().read() >= 0);
    }

    @Test
    void aReboundKeyDispatchesAndItsOldKeyNoLonger() {
        UiState s = UiFixtures.withCompletion();
        var keymap = s.settings().keymap().withOverrides(Map.of("generate", List.of("F5")));
        s = s.withSettings(new Settings(s.settings().params(), s.settings().theme(),
                s.settings().depth(), keymap, s.settings().backend()));
        assertTrue(Update.update(s, new Msg.Key(KeySpec.parse("F5"), NOW)).state().isGenerating());
        assertFalse(Update.update(s, new Msg.Key(KeySpec.of('g'), NOW)).state().isGenerating());
    }
}
