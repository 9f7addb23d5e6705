package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.Binding;
import dev.weft.tui.keys.Keymap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Help and the man page list exactly the keys that dispatch. */
class KeyDocumentationTest {
    private static final Path MAN = Path.of("man", "weft.1");

    @Test
    void theHelpScreenListsEveryBoundActionWithItsKeys() throws Exception {
        TuiHarness h = TuiHarness.start(80, 24, new TinyModel(true));
        h.press(Action.HELP);
        List<String> seen = new ArrayList<>();
        String previous = null;
        for (int page = 0; page < 50; page++) {
            String screen = h.screenText();
            if (screen.equals(previous)) {
                break;
            }
            screen.lines().limit(22).forEach(seen::add);
            previous = screen;
            h.press(Action.PAGE_DOWN);
        }
        String help = String.join("\n", seen);
        for (Binding b : Keymap.defaults().bindings()) {
            if (b.keys().isEmpty()) {
                assertTrue(seen.stream().noneMatch(l -> l.contains(b.action().description())),
                        "help lists " + b.action() + ", which has no key");
                continue;
            }
            String row = "  " + b.keyLabels();
            assertTrue(seen.stream().anyMatch(l -> l.startsWith(row) && l.contains(b.action().description())),
                    "help lacks " + b.context() + " " + b.action() + ":\n" + help);
        }
    }

    @Test
    void theManPageKeyListMatchesTheKeymap() throws Exception {
        String man = Files.readString(MAN, StandardCharsets.UTF_8);
        int begin = man.indexOf(ManPageKeys.BEGIN);
        int end = man.indexOf(ManPageKeys.END);
        assertTrue(begin >= 0 && end > begin, MAN + " has no generated KEYS section");
        String actual = man.substring(begin, end + ManPageKeys.END.length() + 1);
        String expected = ManPageKeys.troff(Keymap.defaults());
        if (Golden.UPDATE) {
            Files.writeString(MAN, man.replace(actual, expected), StandardCharsets.UTF_8);
            return;
        }
        Golden.assertFile(MAN, man.replace(actual, expected));
    }
}
