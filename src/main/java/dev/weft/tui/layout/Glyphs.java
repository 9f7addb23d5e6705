package dev.weft.tui.layout;

import com.googlecode.lanterna.TextCharacter;
import dev.weft.loom.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits text into what one screen cell (or two, for CJK and emoji) shows, made terminal-safe
 * on the way. Each cell shows one code point: combining marks, joiners, variation selectors
 * and skin tones are dropped from the cluster they extend, because terminals disagree on how
 * wide such clusters are and a wrong guess shifts the rest of the line (callers compose with
 * NFC first where they can). Invisible format characters on their own become a visible ◌.
 * Widths are Lanterna's, so the grid agrees with the screen buffer.
 */
public final class Glyphs {
    public static final String INVISIBLE = "◌";
    private static final Map<Integer, Integer> WIDTHS = new ConcurrentHashMap<>();
    /** Widths of the basic multilingual plane, 0 until measured: measuring one boxes and hashes nothing. */
    private static final byte[] BMP_WIDTHS = new byte[0x10000];
    /** The glyphs of short strings that are not plain ASCII (tree guides, markers, accented tokens), kept. */
    private static final Map<String, List<Glyph>> SPLIT = new ConcurrentHashMap<>();
    private static final int MAX_SPLIT = 4096;
    private static final int SPLIT_KEPT_UP_TO = 64;
    /** Printable ASCII, the bulk of most text, needs no checks and no new strings. */
    private static final String[] ASCII = new String[0x7f];

    static {
        for (char c = ' '; c < 0x7f; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    /** One shown glyph and the char offset in the source text it came from. */
    public record Glyph(String text, int source) {}

    private Glyphs() {}

    /** The glyphs of {@code text}; newline and tab are kept (as "\n" and "\t") for layout. */
    public static List<Glyph> split(String text) {
        List<Glyph> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch >= ' ' && ch < 0x7f) {
                out.add(new Glyph(ASCII[ch], i));
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int at = i;
            i += Character.charCount(cp);
            if (extendsCluster(cp)) {
                if (out.isEmpty() || out.get(out.size() - 1).text().equals("\n")) {
                    out.add(new Glyph(INVISIBLE, at));
                }
                continue;
            }
            if (isInvisible(cp)) {
                out.add(new Glyph(INVISIBLE, at));
                continue;
            }
            String shown = DisplayText.safe(new String(Character.toChars(cp)), true);
            for (int k = 0; k < shown.length(); ) {
                int c = shown.codePointAt(k);
                out.add(new Glyph(new String(Character.toChars(c)), at));
                k += Character.charCount(c);
            }
        }
        return out;
    }

    /** The one-cell string of a printable ASCII character (' ' to '~'), without making one. */
    public static String ascii(char c) {
        return ASCII[c];
    }

    /** True when every char of {@code text} is printable ASCII: its glyphs are its chars, one cell each. */
    public static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * As {@link #split}, unmodifiable, and kept for short strings: what a renderer draws on every
     * frame (guides, markers, the same tokens again) is split once.
     */
    public static List<Glyph> splitKept(String text) {
        if (text.length() > SPLIT_KEPT_UP_TO) {
            return split(text);
        }
        List<Glyph> kept = SPLIT.get(text);
        if (kept == null) {
            if (SPLIT.size() >= MAX_SPLIT) {
                SPLIT.clear();
            }
            kept = List.copyOf(split(text));
            SPLIT.put(text, kept);
        }
        return kept;
    }

    /** Cells a glyph takes: 1 or 2. */
    public static int width(String glyph) {
        int cp = glyph.codePointAt(0);
        if (cp < 0x300) {
            return 1;
        }
        if (cp < BMP_WIDTHS.length) {
            byte w = BMP_WIDTHS[cp];
            if (w == 0) {
                w = (byte) (TextCharacter.fromString(glyph)[0].isDoubleWidth() ? 2 : 1);
                BMP_WIDTHS[cp] = w;
            }
            return w;
        }
        return WIDTHS.computeIfAbsent(cp, c -> TextCharacter.fromString(glyph)[0].isDoubleWidth() ? 2 : 1);
    }

    /** Total cells of a one-line string as it is shown (a tab or newline counts one). */
    public static int columns(String text) {
        if (isPrintableAscii(text)) {
            return text.length();
        }
        int w = 0;
        for (Glyph g : split(text)) {
            w += width(g.text());
        }
        return w;
    }

    private static boolean extendsCluster(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0020 && cp <= 0xe007f)
                || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0100 && cp <= 0xe01ef);
    }

    private static boolean isInvisible(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
