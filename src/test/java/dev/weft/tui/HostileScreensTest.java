package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.campaign.HostileTokens;
import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Focus;
import dev.weft.tui.theme.ColorDepth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-token corpus in a loom, through every view and overlay as the terminal receives
 * them (real escape sequences, not the virtual screen's cells), and through :export: none of
 * the hostile sequences, and none of the characters that are never drawn raw, reach the bytes.
 */
class HostileScreensTest {
    @TempDir
    Path dir;

    @Test
    void noViewLetsAHostileSequenceThrough() throws Exception {
        MemorySession session = hostileSession();
        TuiHarness h = TuiHarness.onBytes(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session);
        List<String> reached = new ArrayList<>();
        int screens = 0;
        List<Runnable> walk = List.of(
                () -> h.press(Action.TEXT_START),
                () -> h.press(Action.CURSOR_RIGHT, 3),
                () -> h.press(Action.ALTERNATIVES),
                () -> h.press(Action.CHOICE_DOWN),
                () -> h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape)),
                () -> h.press(Action.TEXT_END),
                () -> h.press(Action.SIBLINGS_VIEW),
                () -> h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape)),
                () -> h.press(Action.TREE_VIEW),
                () -> h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape)),
                () -> h.press(Action.HELP),
                () -> h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape)),
                () -> h.press(Action.SEARCH).type("\u001b]52;\n"),
                () -> h.press(Action.EDIT),
                () -> h.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Escape)),
                () -> h.command("export " + dir.resolve("path.txt")),
                () -> h.command("export " + dir.resolve("path.md")));
        for (Runnable step : walk) {
            h.bytes.reset();
            step.run();
            screens++;
            check(h.bytes.text(), "after step " + screens, reached);
        }
        check(Files.readString(dir.resolve("path.txt")), ":export path.txt", reached);
        check(Files.readString(dir.resolve("path.md")), ":export path.md", reached);
        assertTrue(Files.readString(dir.resolve("path.txt")).contains("␛]52;c;aGFja2Vk␇"));
        assertEquals(List.of(), reached, "hostile sequences reached the terminal or an export");
    }

    /** Lanterna writes its own CSI sequences; what must never appear is a hostile one, or a raw control that is not ESC. */
    private static void check(String bytes, String where, List<String> reached) {
        for (String token : HostileTokens.TOKENS) {
            String payload = token.length() > 200 ? token.substring(token.length() - 5) : token;
            if (payload.indexOf('\u001b') >= 0 && bytes.contains(payload)) {
                reached.add(where + ": " + payload.replace("\u001b", "ESC"));
            }
        }
        if (bytes.contains("\u001b]") || bytes.contains("\u001bP")) {
            reached.add(where + ": an OSC or DCS");
        }
        for (String raw : HostileTokens.rawControls(bytes.replace("\u001b", ""), false)) {
            reached.add(where + ": " + raw);
        }
    }

    private static MemorySession hostileSession() {
        Loom loom = Loom.empty();
        NodeId root = LoomAction.class.cast(new LoomAction.AddRoot(TokenRun.unscored("Mr President,"))).apply(loom).node();
        loom = new LoomAction.AddRoot(TokenRun.unscored("Mr President,")).apply(loom).loom();
        Generation g = new Generation("openai-completions", "M\u001b]52;c;eA==\u0007", SamplingParams.DEFAULTS,
                Instant.EPOCH, FinishReason.LENGTH);
        List<Token> tokens = new ArrayList<>();
        List<String> corpus = HostileTokens.TOKENS;
        for (int i = 0; i < corpus.size(); i++) {
            tokens.add(Token.of(corpus.get(i), -0.5, List.of(new Alternative(Piece.of(corpus.get((i + 1) % corpus.size())), -1.0),
                    new Alternative(Piece.ofBytes(new byte[] {(byte) 0xe4, (byte) 0xb8}), -2.0))));
        }
        NodeId first = null;
        for (int k = 0; k < 2; k++) {
            LoomAction.Append append = new LoomAction.Append(root, TokenRun.of(k == 0 ? tokens : tokens.subList(0, 5)),
                    Origin.MODEL, g);
            Loom.Result r = append.apply(loom);
            loom = r.loom();
            first = first == null ? r.node() : first;
        }
        assertFalse(loom.size() < 3);
        return new MemorySession("hostile\u001b]0;title\u0007.json", loom, new Focus(first, 0), Map.of());
    }
}
