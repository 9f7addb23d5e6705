package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.keys.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** y copies the path's text to the terminal's clipboard (OSC 52) only when asked; :yank FILE writes it to a file. */
class YankTest {
    @TempDir Path dir;

    @Test
    void osc52CarriesTheTextBase64EncodedSoNothingInItReachesTheTerminalRaw() {
        byte[] seq = Osc52.sequence("héllo\n\u001b[31m");
        String s = new String(seq, StandardCharsets.US_ASCII);
        assertTrue(s.startsWith("\u001b]52;c;") && s.endsWith("\u0007"), s);
        String payload = s.substring(7, s.length() - 1);
        assertTrue(payload.matches("[A-Za-z0-9+/=]*"), payload);
        assertEquals("héllo\n\u001b[31m", new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void yankWritesAFileButNeverOverAnExistingOneUnlessAsked() throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString());
        assertEquals("yanked 5 characters to " + dir.resolve("a.txt"), YankFile.write("~/a.txt", "hello", false, env));
        assertEquals("hello", Files.readString(dir.resolve("a.txt")));
        IOException refused = assertThrows(IOException.class, () -> YankFile.write("$HOME/a.txt", "other", false, env));
        assertEquals(dir.resolve("a.txt") + " exists; :yank! $HOME/a.txt writes over it", refused.getMessage());
        assertEquals("hello", Files.readString(dir.resolve("a.txt")), "the existing file is left as it was");
        YankFile.write("${HOME}/a.txt", "other", true, env);
        assertEquals("other", Files.readString(dir.resolve("a.txt")));
        IOException noFolder = assertThrows(IOException.class, () -> YankFile.write("~/no/such/b.txt", "x", false, env));
        assertEquals("cannot write " + dir.resolve("no/such/b.txt") + ": no folder " + dir.resolve("no/such"), noFolder.getMessage());
    }

    @Test
    void yCopiesOnlyWhenPressedAndTheMessageSaysWhatWent() throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, new TinyModel(true));
        List<String> copied = new ArrayList<>();
        h.loop.useClipboard(copied::add);
        h.press(Action.EDIT).type("Are bugs\treal?\nSay \u0007so.").press(Action.COMMIT);
        h.command("set max-tokens 4").press(Action.GENERATE);
        assertTrue(copied.isEmpty(), "nothing reaches the clipboard unasked");
        String path = h.state().loom().pathText(h.state().focus().current());
        h.press(Action.YANK);
        assertEquals(1, copied.size());
        assertEquals(path.replace("\u0007", "␇"), copied.get(0), "tab and newline kept, a control character shown");
        Golden.assertScreen("yank-copied", h.screenText());

        h.loop.useClipboard(text -> {
            throw new IOException("not a terminal");
        });
        h.press(Action.YANK);
        assertTrue(h.screenText().contains("copy failed: not a terminal · :yank FILE writes the text to a file"),
                h.screenText());
    }
}
