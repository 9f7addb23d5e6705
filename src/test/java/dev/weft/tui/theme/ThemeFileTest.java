package dev.weft.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeFileTest {

    @Test
    void theSpectrumIsInterpolatedBetweenStops() {
        Theme t = ThemeFile.parse("""
                name = t   # trailing comment
                spectrum = 0 #ff0000, 0.5 #ffff00, 1 #00ff00
                edited = fg:#000000 bg:#ffffff italic
                """, "t.theme");
        assertEquals(Style.fg(new Colour.Rgb(255, 0, 0)), t.probability(0));
        assertEquals(Style.fg(new Colour.Rgb(255, 255, 0)), t.probability(0.5));
        assertEquals(Style.fg(new Colour.Rgb(128, 255, 0)), t.probability(0.75));
        assertTrue(t.style(Part.EDITED).has(Style.Attr.ITALIC));
        assertEquals(Part.CURSOR.fallback(), t.style(Part.CURSOR), "a part left out keeps its fallback");
    }

    @Test
    void bucketsPickTheHighestThresholdNotAboveTheProbability() {
        Theme t = ThemeFile.parse("bucket = 0.1 dim\nbucket = 0.8 bold\nbucket = 0 underline\n", "b");
        assertEquals(Style.of(Style.Attr.BOLD), t.probability(0.9));
        assertEquals(Style.of(Style.Attr.DIM), t.probability(0.5));
        assertEquals(Style.of(Style.Attr.UNDERLINE), t.probability(0.01));
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertEquals("x.theme:2: unknown key 'colour'",
                assertThrows(IllegalArgumentException.class, () -> ThemeFile.parse("name = x\ncolour = red", "x.theme")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ThemeFile.parse("spectrum = 0.5 #ff0000, 0.2 #00ff00", "s")).getMessage().contains("ascend"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ThemeFile.parse("prompt = fg:octarine", "s")).getMessage().contains("unknown colour"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ThemeFile.parse("prompt = sparkly", "s")).getMessage().contains("unknown style word"));
    }

    @Test
    void everyShippedThemeParsesAndIsListed() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of("themes"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".theme"))
                    .map(n -> n.substring(0, n.length() - 6)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(ThemeLibrary.BUILT_IN), files);
        ThemeLibrary library = new ThemeLibrary(null);
        for (String name : files) {
            assertEquals(name, library.load(name).name());
        }
    }

    @Test
    void aUserThemeReplacesAShippedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("spectrum.theme"), "name = mine\n");
        Files.writeString(dir.resolve("extra.theme"), "name = extra\n");
        ThemeLibrary library = new ThemeLibrary(dir);
        assertEquals("mine", library.load("spectrum").name());
        assertTrue(library.names().contains("extra"));
        assertThrows(IOException.class, () -> library.load("../etc/passwd"));
        assertThrows(IOException.class, () -> library.load("nope"));
    }

    @Test
    void colourDepthComesFromTheEnvironmentAndTheDepthShapesColours() {
        assertEquals(ColorDepth.NONE, ColorDepth.detect(Map.of("NO_COLOR", "1", "COLORTERM", "truecolor")));
        assertEquals(ColorDepth.TRUECOLOR, ColorDepth.detect(Map.of("COLORTERM", "24bit")));
        assertEquals(ColorDepth.ANSI256, ColorDepth.detect(Map.of("TERM", "screen-256color")));
        assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("TERM", "xterm")));
        assertEquals(ColorDepth.NONE, ColorDepth.detect(Map.of("TERM", "dumb")));

        Style red = new Style(new Colour.Rgb(250, 10, 10), null, Set.of(Style.Attr.DIM));
        assertEquals(new TextColor.RGB(250, 10, 10), new Palette(ColorDepth.TRUECOLOR).ink(red).fg());
        assertEquals(TextColor.Indexed.fromRGB(250, 10, 10), new Palette(ColorDepth.ANSI256).ink(red).fg());
        assertEquals(TextColor.ANSI.RED_BRIGHT, new Palette(ColorDepth.ANSI16).ink(red).fg());
        assertEquals(TextColor.ANSI.DEFAULT, new Palette(ColorDepth.NONE).ink(red).fg());
        assertTrue(new Palette(ColorDepth.NONE).ink(red).sgr().contains(Palette.FAINT));
        assertTrue(!new Palette(ColorDepth.NONE).ink(red).sgr().contains(SGR.BOLD));
    }
}
