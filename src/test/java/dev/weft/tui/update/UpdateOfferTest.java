package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.ModelOffer;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start screen's offer of a model file found on this machine. */
class UpdateOfferTest {
    private static final ModelOffer OFFER = new ModelOffer("llama3.2:1b", "ollama · llama 1.2B Q8_0 · 1.2 GB",
            "/home/u/.ollama/models/blobs/sha256-ab", 2);

    private static UiState offered() {
        UiState s = Update.update(UiFixtures.empty(), new Msg.ModelOffered(OFFER)).state();
        assertEquals(new Overlay.Offer(OFFER), s.overlay());
        return s;
    }

    @Test
    void yesSwitchesToTheModelAndRemembersIt() {
        UiState s = offered();
        Next next = Update.update(s, key(s, Action.USE_OFFERED));
        assertEquals(Overlay.NONE, next.state().overlay());
        assertEquals(List.of(new Effect.AnswerOffer(OFFER, true), new Effect.SwitchBackend(1, "llama3.2:1b")),
                next.effects(), "remembered, and loaded behind the loom as the model picker does");
        assertTrue(next.state().message().text().contains("loading llama3.2:1b"), next.state().message().text());
    }

    @Test
    void noIsRememberedAndSaysHowToUseTheModelAnyway() {
        UiState s = offered();
        Next next = Update.update(s, key(s, Action.DECLINE_OFFER));
        assertEquals(Overlay.NONE, next.state().overlay());
        assertEquals(List.of(new Effect.AnswerOffer(OFFER, false)), next.effects());
        assertTrue(next.state().message().text().contains("o picks llama3.2:1b"), next.state().message().text());
    }

    @Test
    void escPutsItOffWithoutRememberingAnything() {
        UiState s = offered();
        Next next = Update.update(s, key(s, Action.CLOSE));
        assertEquals(Overlay.NONE, next.state().overlay());
        assertEquals(List.of(), next.effects());
    }

    @Test
    void anyOtherKeyClosesTheOfferAndDoesWhatItDoes() {
        UiState s = offered();
        Next next = Update.update(s, UiFixtures.typed('i'));
        assertInstanceOf(Overlay.Editor.class, next.state().overlay(), "i writes a prompt at once");
        assertEquals(List.of(), next.effects(), "nothing remembered: offered again next time");
    }

    @Test
    void itIsNotOfferedOverWorkAlreadyBegun() {
        UiState busy = UiFixtures.withCompletion();
        assertEquals(Overlay.NONE, Update.update(busy, new Msg.ModelOffered(OFFER)).state().overlay());
        UiState writing = Update.update(UiFixtures.empty(), UiFixtures.typed('i')).state();
        assertInstanceOf(Overlay.Editor.class, Update.update(writing, new Msg.ModelOffered(OFFER)).state().overlay());
    }
}
