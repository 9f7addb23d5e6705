package dev.weft.tui.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns theme styles into Lanterna colours and attributes at the terminal's colour depth:
 * 24-bit colours are rounded to the 256-colour cube or the nearest of the 16 ANSI colours
 * when the terminal shows fewer, and dropped entirely at depth {@code none}.
 */
public final class Palette {
    /**
     * Lanterna 3 has no SGR for faint (SGR 2). The screen buffer carries "dim" as CIRCLED, an
     * attribute no terminal draws, and weft's terminal writes SGR 2 for it (see TerminalEncoding).
     */
    public static final SGR FAINT = SGR.CIRCLED;

    private static final int[][] ANSI_RGB = {
            {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
            {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255}};
    private static final TextColor.ANSI[] ANSI = {
            TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW,
            TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE,
            TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT,
            TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT, TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT};

    /** Distinct cells kept; a frame uses a few thousand, a long session some more. */
    private static final int MAX_CHARACTERS = 65_536;

    private final ColorDepth depth;
    private final Map<Style, Ink> cache = new ConcurrentHashMap<>();
    private final Map<Cell, TextCharacter> characters = new ConcurrentHashMap<>();
    /**
     * Printable ASCII cells by ink, indexed by the character: the common case, without hashing
     * the glyph. Filled by the UI thread that draws; a cell is immutable, so a race only repeats work.
     */
    private final Map<Ink, TextCharacter[]> ascii = new ConcurrentHashMap<>();

    private record Cell(String glyph, Ink ink) {}

    public Palette(ColorDepth depth) {
        this.depth = depth;
    }

    public ColorDepth depth() {
        return depth;
    }

    public Ink ink(Style style) {
        return cache.computeIfAbsent(style, this::convert);
    }

    /**
     * The screen cell for a glyph in an ink. Kept, because building one is the most expensive
     * step of drawing a frame (Lanterna measures the string's width and segments it each time).
     */
    public TextCharacter character(String glyph, Ink ink) {
        char c = glyph.charAt(0);
        if (glyph.length() == 1 && c >= ' ' && c < 0x7f) {
            TextCharacter[] row = ascii.computeIfAbsent(ink, i -> new TextCharacter[0x7f]);
            TextCharacter cell = row[c];
            if (cell == null) {
                cell = TextCharacter.fromString(glyph, ink.fg(), ink.bg(), ink.sgr())[0];
                row[c] = cell;
            }
            return cell;
        }
        if (characters.size() > MAX_CHARACTERS) {
            characters.clear();
        }
        return characters.computeIfAbsent(new Cell(glyph, ink),
                k -> TextCharacter.fromString(k.glyph(), k.ink().fg(), k.ink().bg(), k.ink().sgr())[0]);
    }

    private Ink convert(Style style) {
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        for (Style.Attr a : style.attrs()) {
            sgr.add(switch (a) {
                case BOLD -> SGR.BOLD;
                case DIM -> FAINT;
                case ITALIC -> SGR.ITALIC;
                case UNDERLINE -> SGR.UNDERLINE;
                case REVERSE -> SGR.REVERSE;
            });
        }
        return new Ink(colour(style.fg()), colour(style.bg()), sgr);
    }

    TextColor colour(Colour c) {
        if (c == null || c instanceof Colour.Default || depth == ColorDepth.NONE) {
            return TextColor.ANSI.DEFAULT;
        }
        if (c instanceof Colour.Ansi a) {
            return ANSI[a.code()];
        }
        int[] rgb = rgb(c);
        if (c instanceof Colour.Indexed i && depth != ColorDepth.ANSI16) {
            return new TextColor.Indexed(i.index());
        }
        return switch (depth) {
            case TRUECOLOR -> new TextColor.RGB(rgb[0], rgb[1], rgb[2]);
            case ANSI256 -> TextColor.Indexed.fromRGB(rgb[0], rgb[1], rgb[2]);
            default -> ANSI[nearestAnsi(rgb)];
        };
    }

    private static int[] rgb(Colour c) {
        if (c instanceof Colour.Rgb r) {
            return new int[] {r.r(), r.g(), r.b()};
        }
        TextColor.Indexed i = new TextColor.Indexed(((Colour.Indexed) c).index());
        return new int[] {i.getRed(), i.getGreen(), i.getBlue()};
    }

    private static int nearestAnsi(int[] rgb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < ANSI_RGB.length; i++) {
            long d = 0;
            for (int k = 0; k < 3; k++) {
                long diff = rgb[k] - ANSI_RGB[i][k];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
