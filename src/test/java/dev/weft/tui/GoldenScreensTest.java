package dev.weft.tui;

import dev.weft.tui.keys.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loom as a user sees it, at 80×24, driven by keys pressed by action name. Each screen is
 * compared with a reviewed golden file; rewrite them with -Dweft.golden.update=true.
 */
class GoldenScreensTest {
    private TuiHarness h;

    @BeforeEach
    void start() throws Exception {
        h = TuiHarness.start(80, 24, TestModels.embedded());
    }

    private void prompt() {
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
    }

    @Test
    void start_() {
        Golden.assertScreen("start", h.screenText());
    }

    @Test
    void theStartScreenOffersAModelFileFoundOnThisMachine() {
        h.loop.post(new dev.weft.tui.state.Msg.ModelOffered(new dev.weft.tui.state.ModelOffer("llama3.2:1b",
                "ollama · llama 1.2B Q8_0 · 1.2 GB", "/home/u/.ollama/models/blobs/sha256-ab", 2)));
        h.settle();
        Golden.assertScreen("start-offer", h.screenText());
        h.press(Action.CLOSE);
        Golden.assertScreen("start-offer-closed", h.screenText());
    }

    @Test
    void writingAPrompt() {
        h.press(Action.EDIT).type("Are bugs real?\nAnswer:");
        Golden.assertScreen("prompt-editor", h.screenText());
        h.press(Action.COMMIT);
        Golden.assertScreen("prompt-written", h.screenText());
    }

    @Test
    void generate() {
        prompt();
        h.command("set max-tokens 40").press(Action.GENERATE);
        Golden.assertScreen("generate", h.screenText());
    }

    @Test
    void theHintSaysWhichNodeGExtends() {
        prompt();
        h.command("set max-tokens 12").press(Action.GENERATE).press(Action.TEXT_START);
        Golden.assertScreen("anchor-hint", h.screenText());
        h.key(com.googlecode.lanterna.input.KeyStroke.fromString(" "));
        Golden.assertScreen("unbound-key", h.screenText());
        h.press(Action.GENERATE);
        Golden.assertScreen("anchor-generated", h.screenText());
    }

    @Test
    void greedyWithSeveralSamplesOnTheEmbeddedModelSamplesOnce() {
        prompt();
        h.command("set n 4").command("set temperature 0").command("set max-tokens 12").key(
                com.googlecode.lanterna.input.KeyStroke.fromString("g"));
        Golden.assertScreen("greedy-once", h.screenText());
    }

    @Test
    void editingInTheUsersEditorMakesAnEditBranch() {
        prompt();
        h.command("set max-tokens 12").press(Action.GENERATE).press(Action.TEXT_START).press(Action.CURSOR_RIGHT);
        String[] given = new String[1];
        h.loop.usePrograms(new TerminalPrograms() {
            @Override
            public dev.weft.tui.state.Msg edit(dev.weft.tui.state.EditTarget target, String text) {
                given[0] = text;
                return new dev.weft.tui.state.Msg.ExternallyEdited(target, text.replace("bugs", "fleas") + "\n");
            }

            @Override
            public void suspend() {
                throw new AssertionError("not suspended");
            }
        });
        h.press(Action.EDIT_EXTERNALLY);
        org.junit.jupiter.api.Assertions.assertEquals(" bugs real? Bugs are real, but they are real.", given[0]);
        Golden.assertScreen("external-edit", h.screenText());
    }

    @Test
    void alternativesThenSwap() {
        prompt();
        h.press(Action.GENERATE).press(Action.NODE_START).press(Action.CURSOR_RIGHT, 2).press(Action.ALTERNATIVES);
        Golden.assertScreen("alternatives", h.screenText());
        h.press(Action.CHOICE_DOWN, 2).press(Action.SWAP);
        Golden.assertScreen("swap", h.screenText());
        h.press(Action.GENERATE);
        Golden.assertScreen("swap-continued", h.screenText());
    }

    @Test
    void perturbThenRegenerateAtTemperatureZero() {
        prompt();
        h.press(Action.GENERATE).press(Action.NODE_START).press(Action.CURSOR_RIGHT).press(Action.EDIT);
        h.press(Action.CARET_END).type(" yes and no");
        Golden.assertScreen("perturb-editor", h.screenText());
        h.press(Action.COMMIT).command("set temperature 0").press(Action.GENERATE);
        Golden.assertScreen("perturb-regenerated", h.screenText());
    }

    @Test
    void siblingsSideBySide() {
        prompt();
        h.command("set n 3").command("set max-tokens 24").press(Action.GENERATE).press(Action.SIBLINGS_VIEW);
        h.press(Action.SIBLING_NEXT);
        Golden.assertScreen("siblings", h.screenText());
    }

    @Test
    void treeHoistAndSearch() {
        prompt();
        h.command("set n 3").command("set max-tokens 12").press(Action.GENERATE);
        h.press(Action.NODE_START).press(Action.CURSOR_RIGHT, 3).press(Action.REGENERATE);
        h.press(Action.BOOKMARK).press(Action.TREE_VIEW);
        Golden.assertScreen("tree", h.screenText());
        h.press(Action.ROW_UP).press(Action.ROW_UP).press(Action.HOIST);
        Golden.assertScreen("tree-hoisted", h.screenText());
        h.press(Action.UNHOIST).press(Action.SEARCH).type("answer");
        Golden.assertScreen("search-typing", h.screenText());
        h.press(Action.RUN_SEARCH).press(Action.SEARCH_NEXT);
        Golden.assertScreen("search-next", h.screenText());
    }

    @Test
    void help() {
        h.press(Action.HELP);
        Golden.assertScreen("help", h.screenText());
        h.press(Action.PAGE_DOWN);
        Golden.assertScreen("help-page-2", h.screenText());
    }

    @Test
    void degradesTo40By12() {
        prompt();
        h.command("set n 2").press(Action.GENERATE).resize(40, 12);
        Golden.assertScreen("small-read", h.screenText());
        h.press(Action.NODE_START).press(Action.ALTERNATIVES);
        Golden.assertScreen("small-alternatives", h.screenText());
        h.press(Action.CLOSE).press(Action.SIBLINGS_VIEW);
        Golden.assertScreen("small-siblings", h.screenText());
        h.press(Action.BACK).press(Action.TREE_VIEW);
        Golden.assertScreen("small-tree", h.screenText());
        h.resize(80, 24);
        Golden.assertScreen("resized-back", h.screenText());
    }
}
