package dev.weft.tui;

import dev.weft.tui.keys.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags, notes and unread markers as a user sees them: in the tree, the status bar and a tag search. */
class MarksScreenTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
    }

    @Test
    void tagsNotesAndUnreadInTheTreeAndATagSearch() {
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
        h.command("set n 3").command("set max-tokens 10").press(Action.GENERATE);
        h.command("tag keep template").command("note the tuned answer, word for word");
        Golden.assertScreen("marks-read", h.screenText());
        h.press(Action.TREE_VIEW);
        Golden.assertScreen("marks-tree", h.screenText());
        h.press(Action.BACK).press(Action.NEXT_UNREAD);
        h.press(Action.TREE_VIEW);
        Golden.assertScreen("marks-tree-one-read", h.screenText());
        h.press(Action.SEARCH).type("tag:keep").press(Action.RUN_SEARCH);
        Golden.assertScreen("marks-tag-search", h.screenText());
    }
}
