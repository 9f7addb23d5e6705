package dev.weft.tui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeymapTest {
    private final Keymap keys = Keymap.defaults();

    @Test
    void keysReadAndWriteTheWayHelpShowsThem() {
        for (String label : List.of("g", "G", "<", "Space", "Enter", "Esc", "S-Left", "C-c", "M-x", "F1", "PageDown", "$")) {
            assertEquals(label, KeySpec.parse(label).label());
        }
        assertEquals(KeySpec.parse("Escape"), KeySpec.of(KeyType.Escape));
    }

    @Test
    void lanternaStrokesMatchTheTable() {
        assertEquals(Optional.of(Action.GENERATE), keys.action(Context.READ, KeySpec.of(new KeyStroke('g', false, false))));
        assertEquals(Optional.of(Action.CANCEL), keys.action(Context.READ, KeySpec.of(new KeyStroke('c', true, false))));
        assertEquals(Optional.of(Action.SIBLING_NEXT),
                keys.action(Context.READ, KeySpec.of(new KeyStroke(KeyType.ArrowRight, false, false, true))));
        assertEquals(Optional.of(Action.COUNT_UP), keys.action(Context.READ, KeySpec.of(new KeyStroke('C', false, false, true))),
                "a shifted letter is its capital, whatever the shift flag says");
    }

    @Test
    void nothingIsBoundToKeysATerminalCannotTellFromBackspaceTabOrEnter() {
        for (Binding b : keys.bindings()) {
            for (KeySpec k : b.keys()) {
                assertTrue(!k.ctrl() || "hijm".indexOf(k.character()) < 0, b + " uses " + k);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> KeySpec.parse("C-m"));
        assertThrows(IllegalArgumentException.class, () -> KeySpec.parse("C-i"));
    }

    @Test
    void everyContextHasAWayOutAndHelpIsEverywhereTheViewsAre() {
        assertTrue(keys.keyFor(Context.ALTERNATIVES, Action.CLOSE).isPresent());
        assertTrue(keys.keyFor(Context.EDITOR, Action.COMMIT).isPresent());
        assertTrue(keys.keyFor(Context.EDITOR, Action.ABANDON).isPresent());
        assertTrue(keys.keyFor(Context.SEARCH, Action.ABANDON).isPresent());
        assertTrue(keys.keyFor(Context.HELP, Action.CLOSE).isPresent());
        for (Context c : List.of(Context.READ, Context.SIBLINGS, Context.TREE)) {
            assertTrue(keys.keyFor(c, Action.HELP).isPresent(), c.name());
            assertTrue(keys.keyFor(c, Action.QUIT).isPresent(), c.name());
            assertTrue(keys.keyFor(c, Action.COMMAND_LINE).isPresent(), c.name());
        }
    }

    @Test
    void overridesRebindEverywhereOrInOneViewAndTakeTheKeyFromItsOldAction() {
        Keymap k = keys.withOverrides(Map.of("generate", List.of("F5", "x"), "tree.hoist", List.of("z"), "prune", List.of()));
        assertEquals(Optional.of(Action.GENERATE), k.action(Context.READ, KeySpec.parse("F5")));
        assertEquals(Optional.of(Action.GENERATE), k.action(Context.TREE, KeySpec.parse("x")));
        assertEquals(Optional.empty(), k.action(Context.READ, KeySpec.of('g')));
        assertEquals(Optional.of(Action.HOIST), k.action(Context.TREE, KeySpec.of('z')));
        assertEquals(Optional.empty(), k.action(Context.READ, KeySpec.of('D')));

        Keymap stolen = keys.withOverrides(Map.of("read.generate", List.of("a")));
        assertEquals(Optional.of(Action.GENERATE), stolen.action(Context.READ, KeySpec.of('a')));
        assertEquals("(unbound)", stolen.bindings(Context.READ).stream()
                .filter(b -> b.action() == Action.ALTERNATIVES).findFirst().orElseThrow().keyLabels());
    }

    @Test
    void badOverridesSayWhatIsWrong() {
        assertEquals("unknown action 'levitate'",
                assertThrows(IllegalArgumentException.class, () -> keys.withOverrides(Map.of("levitate", List.of("l")))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> keys.withOverrides(Map.of("generate", List.of("C-j")))).getMessage().contains("Enter"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> keys.withOverrides(Map.of("nowhere.generate", List.of("g")))).getMessage().contains("unknown view"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> keys.withOverrides(Map.of("editor.generate", List.of("g")))).getMessage().contains("not bound in editor"));
    }
}
