package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.campaign.HostileMutants;
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

    static final int MUTANTS = Integer.getInteger("weft.hostile.mutants", 4);
    static final long SEED = Long.getLong("weft.hostile.seed", 5);

    @Test
    void noViewLetsAHostileSequenceThrough() throws Exception {
        List<String> reached = new ArrayList<>();
        walk(hostileSession(HostileTokens.TOKENS), HostileTokens.TOKENS, "", reached);
        assertTrue(Files.readString(dir.resolve("path.txt")).contains("␛]52;c;aGFja2Vk␇"));
        assertEquals(List.of(), reached, "hostile sequences reached the terminal or an export");
    }

    /**
     * Seeded mutants of the corpus ({@link HostileMutants}: random controls, sequences cut across
     * tokens) through the same views; the long run is {@code -Dweft.hostile.mutants=2000}.
     */
    @Test
    void noMutantReachesTheTerminalOrAnExport() throws Exception {
        java.util.Random random = new java.util.Random(SEED);
        List<String> reached = new ArrayList<>();
        int screens = 0;
        for (int k = 0; k < MUTANTS; k++) {
            List<String> tokens = HostileMutants.stream(random);
            screens += walk(hostileSession(tokens), tokens, "mutant " + k + " (seed " + SEED + "): ", reached);
        }
        System.out.printf("hostile corpus (loom): %d mutants, %d screens and exports checked, %d reached the output%n",
                MUTANTS, screens, reached.size());
        assertEquals(List.of(), reached, "hostile sequences reached the terminal or an export");
    }

    /**
     * The checker itself: Lanterna's scroll down (its ESC M reverse index, which the search step
     * causes when the match is above the view) passes, a leaked ESC M or a scroll block broken by
     * one does not.
     */
    @Test
    void theCheckerTellsLanternasScrollFromALeakedEscape() throws Exception {
        ByteTerminal terminal = ByteTerminal.of(100, 30);
        terminal.scrollLines(0, 27, -5);
        String scroll = terminal.text();
        assertTrue(scroll.contains("\u001bM\u001bM"), scroll);
        List<String> reached = new ArrayList<>();
        check(scroll + "text\u001b[0m", "lanterna", List.of(), reached);
        assertEquals(List.of(), reached);
        check("text\u001bM", "bare", List.of(), reached);
        check(scroll + "\u001bM", "after a scroll", List.of(), reached);
        check(scroll.replace("\u001b[r", "x\u001b[r"), "inside a broken scroll", List.of(), reached);
        assertEquals(1 + 1 + 5, reached.size(), String.join("\n", reached));
    }

    /** Walks every view and overlay and both exports; returns how many outputs it checked. */
    private int walk(MemorySession session, List<String> corpus, String at, List<String> reached) throws Exception {
        TuiHarness h = TuiHarness.onBytes(100, 30, TestModels.embedded(), ColorDepth.TRUECOLOR, session);
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
            check(h.bytes.text(), at + "after step " + screens, corpus, reached);
        }
        checkExport(Files.readString(dir.resolve("path.txt")), at + ":export path.txt", reached);
        checkExport(Files.readString(dir.resolve("path.md")), at + ":export path.md", reached);
        return screens + 2;
    }

    /**
     * Lanterna writes its own CSI sequences; what must never appear is a hostile one, an escape
     * that is not a CSI, a CSI Lanterna never writes (a private marker other than ?, a parameter
     * of 700 or more: every CSI of {@link HostileMutants} has one), or a raw control that is not ESC.
     * The one escape Lanterna writes that is not a CSI, ESC M in its scroll block, is told apart by
     * the whole block around it ({@link #scrollEscapes}).
     */
    static void check(String bytes, String where, List<String> corpus, List<String> reached) {
        for (String token : corpus) {
            String payload = token.length() > 200 ? token.substring(token.length() - 5) : token;
            int esc = payload.indexOf('\u001b');
            // an ESC at a payload's very end could be Lanterna's own next sequence: only one with more after it counts
            if (esc >= 0 && esc < payload.length() - 1 && payload.length() >= 4 && bytes.contains(payload)) {
                reached.add(where + ": " + payload.replace("\u001b", "ESC"));
            }
        }
        java.util.BitSet lanternas = scrollEscapes(bytes);
        for (int i = bytes.indexOf('\u001b'); i >= 0; i = bytes.indexOf('\u001b', i + 1)) {
            String problem = lanternas.get(i) ? null : foreignEscape(bytes, i);
            if (problem != null) {
                reached.add(where + ": " + problem + " at " + i + ": " + around(bytes, i));
            }
        }
        for (String raw : HostileTokens.rawControls(bytes.replace("\u001b", ""), false)) {
            reached.add(where + ": " + raw);
        }
    }

    /**
     * Lanterna's one escape that is not a CSI: a scroll down ({@code Screen.scrollLines}, which
     * weft uses to move the reading view, see Scrolling) is written by ANSITerminal.scrollLines
     * as {@code CSI top;bottom r}, {@code CSI line;1 H}, one {@code ESC M} (reverse index) per
     * line, {@code CSI r}. The ESC M inside exactly that block are Lanterna's; an ESC M anywhere
     * else (HostileMutants writes {@code ESC} and any character) still counts.
     */
    private static final java.util.regex.Pattern SCROLL_DOWN =
            java.util.regex.Pattern.compile("\u001b\\[\\d+;\\d+r\u001b\\[\\d+;1H((?:\u001bM)+)\u001b\\[r");

    private static java.util.BitSet scrollEscapes(String bytes) {
        java.util.BitSet at = new java.util.BitSet();
        java.util.regex.Matcher m = SCROLL_DOWN.matcher(bytes);
        while (m.find()) {
            for (int i = m.start(1); i < m.end(1); i += 2) {
                at.set(i);
            }
        }
        return at;
    }

    /** The bytes near {@code i}, controls shown as escapes, so a report says what was written. */
    private static String around(String bytes, int i) {
        StringBuilder s = new StringBuilder();
        for (char c : bytes.substring(Math.max(0, i - 24), Math.min(bytes.length(), i + 24)).toCharArray()) {
            s.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.toString();
    }

    /** Null for a CSI as Lanterna writes them; else what is wrong with the escape at {@code i}. */
    private static String foreignEscape(String bytes, int i) {
        if (i + 1 >= bytes.length() || bytes.charAt(i + 1) != '[') {
            return "an escape that is not a CSI (OSC, DCS, APC, ESC c …)";
        }
        int j = i + 2;
        if (j < bytes.length() && "<=>".indexOf(bytes.charAt(j)) >= 0) {
            return "a CSI with a private marker Lanterna never writes";
        }
        if (j < bytes.length() && bytes.charAt(j) == '?') {
            j++;
        }
        int number = 0;
        for (; j < bytes.length() && (Character.isDigit(bytes.charAt(j)) || bytes.charAt(j) == ';'); j++) {
            number = bytes.charAt(j) == ';' ? 0 : Math.min(100_000, number * 10 + bytes.charAt(j) - '0');
            if (number >= 700) {
                return "a CSI with a parameter Lanterna never writes";
            }
        }
        if (j >= bytes.length() || bytes.charAt(j) < 0x40 || bytes.charAt(j) > 0x7e) {
            return "a broken CSI";
        }
        return null;
    }

    /** An export holds no escape at all. */
    private static void checkExport(String text, String where, List<String> reached) {
        for (String raw : HostileTokens.rawControls(text, false)) {
            reached.add(where + ": " + raw);
        }
    }

    private static MemorySession hostileSession(List<String> corpus) {
        Loom loom = Loom.empty();
        NodeId root = LoomAction.class.cast(new LoomAction.AddRoot(TokenRun.unscored("Mr President,"))).apply(loom).node();
        loom = new LoomAction.AddRoot(TokenRun.unscored("Mr President,")).apply(loom).loom();
        Generation g = new Generation("openai-completions", "M\u001b]52;c;eA==\u0007", SamplingParams.DEFAULTS,
                Instant.EPOCH, FinishReason.LENGTH);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            tokens.add(Token.of(corpus.get(i), -0.5, List.of(new Alternative(Piece.of(corpus.get((i + 1) % corpus.size())), -1.0),
                    new Alternative(Piece.ofBytes(new byte[] {(byte) 0xe4, (byte) 0xb8}), -2.0))));
        }
        NodeId first = null;
        for (int k = 0; k < 2; k++) {
            LoomAction.Append append = new LoomAction.Append(root, TokenRun.of(k == 0 ? tokens : tokens.subList(0, Math.min(5, tokens.size()))),
                    Origin.MODEL, g);
            Loom.Result r = append.apply(loom);
            loom = r.loom();
            first = first == null ? r.node() : first;
        }
        assertFalse(loom.size() < 3);
        return new MemorySession("hostile\u001b]0;title\u0007.json", loom, new Focus(first, 0), Map.of());
    }
}
