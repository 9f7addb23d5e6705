package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** y and :yank: keys and lines in, effects out. */
class UpdateYankTest {
    private static Next command(UiState s, String line) {
        return Update.update(s, new Msg.CommandEntered(line, NOW));
    }

    @Test
    void yCopiesTheWholePathToTheReadViewsNodeEvenWithTheCursorEarlier() {
        UiState s = UiFixtures.withCompletion().withFocus(new dev.weft.tui.state.Focus(UiFixtures.id(1), 1));
        Next y = Update.update(s, key(s, Action.YANK));
        assertEquals(List.of(new Effect.CopyToClipboard("Are bugs real? Yes, they are.")), y.effects());
        assertTrue(y.state().message().text().startsWith("copied 29 characters (to #1) to the clipboard"),
                y.state().message().text());
        assertEquals(s.loom(), y.state().loom());
    }

    @Test
    void inTheTreeYCopiesThePathToTheSelectedRow() {
        UiState s = UiFixtures.withCompletion();
        s = Update.update(s, key(s, Action.TREE_VIEW)).state();
        assertEquals(View.TREE, s.view());
        s = Update.update(s, key(s, Action.ROW_UP)).state();
        Next y = Update.update(s, key(s, Action.YANK));
        assertEquals(List.of(new Effect.CopyToClipboard("Are bugs real?")), y.effects());
    }

    @Test
    void yankWritesToAFileOnlyOverAnExistingOneWithTheBang() {
        UiState s = UiFixtures.withCompletion();
        assertEquals(List.of(new Effect.Yank("~/out.txt", "Are bugs real? Yes, they are.", false)),
                command(s, "yank ~/out.txt").effects());
        assertEquals(List.of(new Effect.Yank("out.txt", "Are bugs real? Yes, they are.", true)),
                command(s, ":yank! out.txt").effects());
        assertEquals(List.of(new Effect.CopyToClipboard("Are bugs real? Yes, they are.")), command(s, "y").effects());
        Next bare = command(s, "yank!");
        assertTrue(bare.effects().isEmpty());
        assertEquals(":yank! FILE: name the file to write over", bare.state().message().text());
        Next empty = command(UiFixtures.empty(), "yank out.txt");
        assertTrue(empty.effects().isEmpty());
    }
}
