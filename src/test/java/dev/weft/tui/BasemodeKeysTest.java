package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.keys.Keymap;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import dev.weft.tui.update.Update;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config's {@code "keys": "basemode"}: Space generates, a digit generates that many children now. */
class BasemodeKeysTest {

    private static UiState basemode() {
        UiState s = UiFixtures.withCompletion();
        return s.withSettings(new dev.weft.tui.state.Settings(s.settings().params(), s.settings().theme(),
                s.settings().depth(), Keymap.preset("basemode"), s.settings().backend()));
    }

    private static Next typed(UiState s, char c) {
        return Update.update(s, new Msg.Key(KeySpec.of(c), UiFixtures.NOW));
    }

    @Test
    void theConfigNamesThePresetAsAStringOrInsideTheKeys() throws IOException {
        assertEquals("basemode", TuiConfig.parse("{\"tui\": {\"keys\": \"basemode\"}}", "c").preset());
        TuiConfig both = TuiConfig.parse("{\"tui\": {\"keys\": {\"preset\": \"basemode\", \"tree\": \"T\"}}}", "c");
        assertEquals("basemode", both.preset());
        assertEquals(Map.of("tree", List.of("T")), both.keys());
        IOException bad = assertThrows(IOException.class,
                () -> TuiConfig.parse("{\"tui\": {\"keys\": \"emacs\"}}", "config.json"));
        assertEquals("config config.json: unknown key preset tui.keys \"emacs\" (presets: default, basemode)",
                bad.getMessage());
    }

    @Test
    void spaceGeneratesAndADigitGeneratesThatManyNowLeavingNAlone() {
        UiState s = basemode();
        assertEquals(1, s.settings().params().n());
        Next space = Update.update(s, new Msg.Key(KeySpec.parse("Space"), UiFixtures.NOW));
        assertEquals(1, space.state().loom().liveChildren(new NodeId(1)).size(), "Space: g, n children of #1");

        Next three = typed(s, '3');
        assertEquals(3, three.state().loom().liveChildren(new NodeId(1)).size());
        Effect.Generate g = (Effect.Generate) three.effects().stream().filter(e -> e instanceof Effect.Generate)
                .findFirst().orElseThrow();
        assertEquals(3, g.params().n());
        assertEquals(1, three.state().settings().params().n(), "the n setting stays");
        assertEquals("generating 3 completions of #1 at T=1 · Esc cancels", three.state().message().text());
    }

    @Test
    void theDefaultKeysLeaveDigitsAndSpaceUnboundAndSaySo() {
        UiState s = UiFixtures.withCompletion();
        assertEquals("3 is not bound · ? lists the keys", typed(s, '3').state().message().text());
        assertTrue(Keymap.defaults().action(Context.READ, KeySpec.parse("Space")).isEmpty());
        assertEquals(Action.GENERATE_N, Keymap.preset("basemode").action(Context.READ, KeySpec.of('9')).orElseThrow());
        assertEquals(Action.EDIT, Keymap.preset("basemode").action(Context.READ, KeySpec.of('e')).orElseThrow());
        assertEquals(Action.EDIT_EXTERNALLY, Keymap.preset("basemode").action(Context.READ, KeySpec.of('E')).orElseThrow());
    }

    @Test
    void helpListsThePresetsKeys() throws IOException {
        TuiHarness h = TuiHarness.withConfig(80, 24, TestModels.embedded(),
                TuiConfig.parse("{\"tui\": {\"keys\": \"basemode\"}}", "c"));
        h.press(Action.HELP);
        Golden.assertScreen("basemode-help", h.screenText());
    }
}
