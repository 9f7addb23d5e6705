package dev.weft.tui.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void vimShortFormsAndLongFormsParseAlike() {
        assertEquals(new Command.Set("temperature", "0.7"), CommandParser.parse(":set temp 0.7"));
        assertEquals(new Command.Set("temperature", "0.7"), CommandParser.parse("se t=0.7"));
        assertEquals(new Command.Set("max-tokens", "64"), CommandParser.parse("set max 64"));
        assertEquals(new Command.Set(null, null), CommandParser.parse("set"));
        assertEquals(new Command.Save(), CommandParser.parse("w"));
        assertEquals(new Command.SaveAs("my file.json"), CommandParser.parse("w my file.json"));
        assertEquals(new Command.SaveAs("b.json"), CommandParser.parse("saveas b.json"));
        assertEquals(new Command.Open("a.json"), CommandParser.parse("e a.json"));
        assertEquals(new Command.Export("out.txt"), CommandParser.parse("export out.txt"));
        assertEquals(new Command.Help(), CommandParser.parse("h"));
        for (String q : List.of("q", "quit", "wq", "x")) {
            assertEquals(new Command.Quit(), CommandParser.parse(q));
        }
    }

    @Test
    void mistakesSayWhatWouldWork() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("fly")).getMessage().contains("commands:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("set warmth 3")).getMessage().contains("settings:"));
        assertEquals(":set n needs a value: N", assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("set n")).getMessage());
        assertEquals("usage: :open FILE", assertThrows(IllegalArgumentException.class, () -> CommandParser.parse("open")).getMessage());
    }

    @Test
    void afterVsComeTheBackendsThePickerListsAndAFileAfterEmbeddedOrGguf() {
        List<String> backends = List.of("embedded", "vllm", "qwen2.5-0.5b-q8_0");
        List<String> offered = List.of("embedded", "vllm", "qwen2.5-0.5b-q8_0", "embedded:", "gguf:");
        for (List<String> before : List.of(List.of("dist", "0..100", "--vs"), List.of("sweep", "0,1", "5", "--vs"),
                List.of(":compare"), List.of("set", "backend"))) {
            Completions.Candidates c = Completions.after(before, "", List.of(), backends);
            assertEquals(Completions.Kind.WORDS, c.kind(), before.toString());
            assertEquals(offered, c.words(), before.toString());
        }
        Completions.Candidates corpus = Completions.after(List.of("dist", "0..9", "--vs"), "embedded:ex", List.of(), backends);
        assertEquals(new Completions.Candidates(Completions.Kind.FILE, List.of(), "embedded:"), corpus);
        Completions.Candidates file = Completions.after(List.of("compare"), "gguf:~/mo", List.of(), backends);
        assertEquals("gguf:", file.prefix());
        assertEquals(Completions.Kind.NONE, Completions.after(List.of("dist", "0..9"), "", List.of(), backends).kind(),
                "candidates are not backends");
        assertEquals(Completions.Kind.NONE, Completions.after(List.of("set", "n", "--vs"), "", List.of(), backends).kind());
    }

    @Test
    void completionOffersCommandsSettingsValuesAndFiles() {
        List<String> themes = List.of("spectrum", "monochrome");
        List<String> backends = List.of("embedded", "local");
        assertTrue(Completions.after(List.of(), themes, backends).words().contains("export"));
        assertTrue(Completions.after(List.of("set"), themes, backends).words().contains("top-logprobs"));
        assertEquals(themes, Completions.after(List.of("set", "theme"), themes, backends).words());
        assertEquals(Completions.Kind.FILE, Completions.after(List.of("e"), themes, backends).kind());
        assertEquals(Completions.Kind.NONE, Completions.after(List.of("set", "n"), themes, backends).kind());
        List<String> withPrefixes = List.of("embedded", "local", "embedded:", "gguf:");
        assertEquals(withPrefixes, Completions.after(List.of("compare"), themes, backends).words());
        assertEquals(withPrefixes, Completions.after(List.of("se", "backend"), "", themes, backends).words());
        assertEquals(Completions.Kind.NONE, Completions.after(List.of("compare", "base"), themes, backends).kind());
        assertEquals(new Command.Compare("base"), CommandParser.parse(":vs base"));
        assertThrows(IllegalArgumentException.class, () -> CommandParser.parse(":compare"));
        assertEquals(new Command.CompareFile("b.json"), CommandParser.parse(":compare-file b.json"));
        assertEquals(Completions.Kind.FILE, Completions.after(List.of("compare-file"), themes, backends).kind());
    }
}
