package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Token;
import dev.weft.tui.state.Msg;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalesceTest {
    private static Msg.TokensArrived t(long request, int choice, String text) {
        return new Msg.TokensArrived(request, choice, List.of(Token.unscored(text)));
    }

    @Test
    void tokensOfOneStreamMergeIntoItsFirstArrivalBeforeItsEnd() {
        Msg done = new Msg.GenerationDone(1, List.of());
        List<Msg> merged = Coalesce.tokens(List.of(t(1, 0, "a"), t(1, 1, "x"), t(1, 0, "b"), t(2, 0, "q"), t(1, 1, "y"), done));
        assertEquals(List.of(
                new Msg.TokensArrived(1, 0, List.of(Token.unscored("a"), Token.unscored("b"))),
                new Msg.TokensArrived(1, 1, List.of(Token.unscored("x"), Token.unscored("y"))),
                t(2, 0, "q"),
                done), merged);
    }
}
