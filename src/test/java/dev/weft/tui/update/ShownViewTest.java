package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import org.junit.jupiter.api.Test;

/** Which view or overlay is open, as the session's "open" setting, and shown again from it. */
class ShownViewTest {
    private static UiState press(UiState s, Action... actions) {
        for (Action a : actions) {
            s = Update.update(s, key(s, a)).state();
        }
        return s;
    }

    private static UiState shownAgain(UiState s) {
        UiState read = s.withView(View.READ).withOverlay(Overlay.NONE);
        return ShownView.apply(read, ShownView.of(s), null, 0);
    }

    @Test
    void eachViewAndOverlayIsNamedAndTheOnesThePlayerCanDrawComeBack() {
        UiState s = UiFixtures.withCompletion();
        assertNull(ShownView.of(s), "the read view alone");
        assertNull(SessionSettings.of(s).get(ShownView.KEY));

        UiState alternatives = press(s, Action.ALTERNATIVES, Action.CHOICE_DOWN);
        assertEquals("alternatives 1 0 " + ((Overlay.Alternatives) alternatives.overlay()).selected(),
                ShownView.of(alternatives));
        assertEquals(alternatives.overlay(), shownAgain(alternatives).overlay());
        assertEquals(ShownView.of(alternatives), SessionSettings.of(alternatives).get(ShownView.KEY));

        UiState tree = press(s, Action.TREE_VIEW);
        assertEquals("tree", ShownView.of(tree));
        assertEquals(View.TREE, shownAgain(tree).view());
        UiState siblings = press(s, Action.SIBLINGS_VIEW);
        assertEquals("siblings", ShownView.of(siblings));
        assertEquals(View.SIBLINGS, shownAgain(siblings).view());

        // a second child of the prompt: a branch leaves the path through the cursor
        UiState branched = s.withLoom(s.loom().append(UiFixtures.id(0), dev.weft.loom.TokenRun.unscored(" No."),
                dev.weft.loom.Origin.EDIT, null).loom());
        UiState convergence = press(branched.withFocus(new dev.weft.tui.state.Focus(UiFixtures.id(1), 0)),
                Action.CONVERGENCE_VIEW);
        Overlay.Convergence c = assertInstanceOf(Overlay.Convergence.class, convergence.overlay());
        assertEquals("convergence " + c.view().from().value() + " 1 0 0", ShownView.of(convergence));
        assertEquals(c.view().figures(), ((Overlay.Convergence) shownAgain(convergence).overlay()).view().figures());

        UiState search = press(s, Action.SEARCH);
        search = Update.update(search, UiFixtures.typed('y')).state();
        assertEquals("search y", ShownView.of(search));
        assertEquals(new Overlay.SearchPrompt("y"), shownAgain(search).overlay());

        UiState dist = Update.update(s, new Msg.CommandEntered("dist a, b", UiFixtures.NOW)).state();
        assertEquals("dist 1 0 a, b", ShownView.of(dist));
        Overlay.Distribution scoring = assertInstanceOf(Overlay.Distribution.class, ShownView.apply(
                s, ShownView.of(dist), null, 0).overlay(), "before the record: scoring, with the spec and context");
        assertEquals("a, b", scoring.view().spec());
        assertEquals("Are bugs real? Yes", scoring.view().context());

        UiState sweep = Update.update(s, new Msg.CommandEntered("sweep 0,1.5 3", UiFixtures.NOW)).state();
        assertEquals("sweep 1 0 3 0.0,1.5", ShownView.of(sweep));
        assertEquals(2, ((Overlay.Sweep) ShownView.apply(s, ShownView.of(sweep), null, 0).overlay()).view().slots().size());

        UiState multiverse = press(s, Action.MULTIVERSE_VIEW);
        assertEquals("multiverse 1 0 - -", ShownView.of(multiverse), "its place, zoom and selection");
        Overlay.Multiverse expanding = assertInstanceOf(Overlay.Multiverse.class,
                ShownView.apply(s, ShownView.of(multiverse), null, 0).overlay(), "before the record: expanding");
        assertNull(expanding.view().multiverse());
        assertEquals("Are bugs real? Yes", expanding.view().context());
        assertNull(ShownView.unrecorded(ShownView.of(multiverse)));
        assertEquals("multiverse 3", ShownView.shape("multiverse 1 0 3 3.0"), "a zoom is journaled at once");
        assertEquals("multiverse -", ShownView.shape("multiverse 1 0 - 0"));
        UiState compare = press(s, Action.COMPARE_VIEW);
        assertEquals("compare 1 0 0", ShownView.of(compare));
        Overlay.Compare sampling = assertInstanceOf(Overlay.Compare.class,
                ShownView.apply(s, ShownView.of(compare), null, 0).overlay(), "before the record: both sides sampling");
        assertTrue(sampling.view().columns().stream().allMatch(col -> col.isWaiting()));

        // recorded before weft kept these views' contents: the read view, the view named on the bar
        assertEquals("multiverse not recorded",
                ShownView.unrecorded("multiverse"));
        assertEquals("compare not recorded", ShownView.unrecorded("compare"));
        assertEquals(s, ShownView.apply(s, "multiverse", null, 0), "drawn as the read view, named on the bar");
        assertEquals(s, ShownView.apply(s, "compare", null, 0));
        assertEquals(s, ShownView.apply(s, "alternatives 99 0 0", null, 0), "a node that is not there: the read view");
        assertEquals(s, ShownView.apply(s, "alternatives x", null, 0), "a hand edit it cannot read: the read view");
    }
}
