package dev.weft.tui;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.model.LanguageModel;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Settings;
import dev.weft.tui.state.Size;
import dev.weft.tui.state.UiState;
import dev.weft.tui.theme.ThemeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** States for update tests: a prompt "Are bugs real?" and a model completion " Yes, they are." with alternatives. */
public final class UiFixtures {
    public static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private UiFixtures() {}

    public static Settings settings(LanguageModel model) {
        try {
            return LoomApp.settings(TuiConfig.NONE, "truecolor", Map.of(), new ThemeLibrary(null), model, "tiny");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UiState empty() {
        return UiState.initial(Loom.empty(), Focus.NONE, settings(new TinyModel(true)), new Size(80, 24), "test.json");
    }

    /** Prompt #0 (4 unscored tokens), completion #1 (5 scored tokens, each with 3 alternatives); cursor on #1's first token. */
    public static UiState withCompletion() {
        Loom.Result root = Loom.empty().addRoot(TokenRun.of(
                Token.unscored("Are"), Token.unscored(" bugs"), Token.unscored(" real"), Token.unscored("?")));
        List<Token> tokens = new ArrayList<>();
        String[] words = {" Yes", ",", " they", " are", "."};
        for (String w : words) {
            tokens.add(new Token(Piece.of(w), Math.log(0.6), List.of(
                    Alternative.of(w, Math.log(0.6)), Alternative.of(" No", Math.log(0.3)), Alternative.of(" Maybe", Math.log(0.05)))));
        }
        Generation g = new Generation("tiny", "tiny-1", SamplingParams.DEFAULTS, NOW, FinishReason.STOP);
        Loom.Result child = root.loom().append(root.node(), TokenRun.of(tokens), Origin.MODEL, g);
        return empty().withLoom(child.loom()).withFocus(new Focus(child.node(), 4));
    }

    public static NodeId id(int n) {
        return new NodeId(n);
    }

    /** The key a user presses for {@code action} where keys go in {@code state}. */
    public static Msg.Key key(UiState state, Action action) {
        Context context = state.overlay().context() != null ? state.overlay().context() : state.view().context();
        KeySpec k = state.settings().keymap().keyFor(context, action)
                .orElseThrow(() -> new AssertionError(action + " is not bound in " + context));
        return new Msg.Key(k, NOW);
    }

    public static Msg.Key typed(char c) {
        return new Msg.Key(KeySpec.of(c), NOW);
    }
}
