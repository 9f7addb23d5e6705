package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.key;
import static dev.weft.tui.UiFixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.SessionPicker;
import dev.weft.tui.state.UiState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session picker of a plain weft: offered, filled in, filtered; Enter opens, n keeps the new session. */
class UpdateSessionPickerTest {
    private static final List<SessionPicker.Entry> FOUND = List.of(
            new SessionPicker.Entry("sessions/bugs.json", "bugs.json", 2048, NOW.minus(Duration.ofHours(2)), null, -1, null),
            new SessionPicker.Entry("sessions/loom-1.json", "loom-1.json", 900, NOW.minus(Duration.ofDays(3)), null, -1, null),
            new SessionPicker.Entry("sessions/cats.json", "cats.json", 700, NOW.minus(Duration.ofDays(30)), null, -1, null));

    private static SessionPicker picker(UiState s) {
        return assertInstanceOf(Overlay.Sessions.class, s.overlay()).picker();
    }

    private static UiState offered() {
        Next offer = Update.update(UiFixtures.empty(), new Msg.OfferSessions("sessions/"));
        long request = picker(offer.state()).request();
        assertEquals(List.of(new Effect.ListSessions(request, "sessions/")), offer.effects());
        UiState s = Update.update(offer.state(), new Msg.SessionsListed(request, FOUND, NOW)).state();
        s = Update.update(s, new Msg.SessionRead(request, "sessions/bugs.json", "Are bugs real?", 12, null)).state();
        s = Update.update(s, new Msg.SessionRead(request, "sessions/loom-1.json", "Q: Tell me a random number", 3, null)).state();
        return Update.update(s, new Msg.SessionRead(request, "sessions/cats.json", null, -1, "not a weft session")).state();
    }

    @Test
    void theSessionsAreListedMostRecentFirstAndFilledInAsEachIsRead() {
        SessionPicker p = picker(offered());
        assertEquals(List.of("bugs.json", "loom-1.json", "cats.json"), p.visible().stream().map(SessionPicker.Entry::name).toList());
        assertEquals("Are bugs real?", p.visible().get(0).firstLine());
        assertEquals(12, p.visible().get(0).nodes());
        assertEquals("not a weft session", p.visible().get(2).problem());
        assertEquals("bugs.json", p.selectedEntry().name());
    }

    @Test
    void enterOpensTheSelectedSession() {
        UiState s = offered();
        s = Update.update(s, key(s, Action.ROW_DOWN)).state();
        Next open = Update.update(s, key(s, Action.OPEN_SESSION));
        assertEquals(List.of(new Effect.Open("sessions/loom-1.json")), open.effects());
        assertSame(Overlay.NONE, open.state().overlay());
        assertEquals("opening loom-1.json…", open.state().message().text());
    }

    @Test
    void slashTypesAFilterOverNamesAndFirstLines() {
        UiState s = offered();
        s = Update.update(s, key(s, Action.FILTER)).state();
        assertTrue(picker(s).typing());
        for (char c : "RANDOM".toCharArray()) {
            s = Update.update(s, typed(c)).state();
        }
        assertEquals(List.of("loom-1.json"), picker(s).visible().stream().map(SessionPicker.Entry::name).toList());
        // keys type while the filter is open: n is a letter, not "new session"
        s = Update.update(s, typed('x')).state();
        assertTrue(picker(s).visible().isEmpty());
        s = Update.update(s, key(s, Action.DELETE_BACK)).state();
        s = Update.update(s, key(s, Action.COMMIT)).state();
        assertEquals("RANDOM", picker(s).filter());
        Next open = Update.update(s, key(s, Action.OPEN_SESSION));
        assertEquals(List.of(new Effect.Open("sessions/loom-1.json")), open.effects());

        UiState cleared = Update.update(s, key(s, Action.FILTER)).state();
        cleared = Update.update(cleared, new Msg.Key(KeySpec.parse("Esc"), NOW)).state();
        assertEquals(3, picker(cleared).visible().size());
    }

    @Test
    void nOrEscKeepTheNewSessionAndAnEmptyFolderOffersNothing() {
        for (String k : new String[] {"n", "Esc"}) {
            Next n = Update.update(offered(), new Msg.Key(KeySpec.parse(k), NOW));
            assertSame(Overlay.NONE, n.state().overlay());
            assertTrue(n.effects().isEmpty());
            assertTrue(n.state().message().text().startsWith("a new session"), n.state().message().text());
        }
        Next offer = Update.update(UiFixtures.empty(), new Msg.OfferSessions("sessions/"));
        UiState none = Update.update(offer.state(), new Msg.SessionsListed(picker(offer.state()).request(), List.of(), NOW)).state();
        assertSame(Overlay.NONE, none.overlay());
    }
}
