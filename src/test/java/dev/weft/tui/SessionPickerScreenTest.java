package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.tui.keys.Action;
import dev.weft.tui.state.Msg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plain weft shows when sessions are there: the picker, filled in from the files themselves. */
class SessionPickerScreenTest {
    @TempDir Path dir;

    private void session(String name, String prompt, int children, Duration ago) throws Exception {
        Path file = dir.resolve("sessions").resolve(name);
        Files.createDirectories(file.getParent());
        try (StoreSession s = StoreSession.open(file)) {
            s.record(new LoomAction.AddRoot(TokenRun.of(Token.unscored(prompt))));
            for (int i = 0; i < children; i++) {
                s.record(new LoomAction.Append(s.loom().roots().get(0), TokenRun.of(Token.unscored(" child " + i)),
                        dev.weft.loom.Origin.EDIT, null));
            }
            s.save();
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(ago)));
    }

    @Test
    void thePickerListsRecentSessionsFiltersAndOpensOne() throws Exception {
        session("bugs.json", "Are bugs real?\nAnswer:", 11, Duration.ofHours(2));
        session("loom-20250102-030405.json", "Q: Tell me a random integer between 0 and 100. A:", 2, Duration.ofDays(3));
        session("cats.json", "Are cats real?", 0, Duration.ofMinutes(5));
        Files.writeString(dir.resolve("sessions/notes.json"), "{\"not\": \"a session\"}");
        Files.setLastModifiedTime(dir.resolve("sessions/notes.json"), FileTime.from(Instant.now().minus(Duration.ofDays(20))));
        Files.writeString(dir.resolve("sessions/stray.txt"), "not offered");

        TuiHarness h = TuiHarness.start(80, 24, new TinyModel(true));
        String folder = dir.resolve("sessions") + "/";
        h.loop.post(new Msg.OfferSessions(folder));
        h.settle();
        String screen = h.screenText().replaceAll("20\\d\\d-\\d\\d-\\d\\d", "YYYY-MM-DD");
        Golden.assertScreen("session-picker", screen);

        h.press(Action.FILTER).type("real");
        Golden.assertScreen("session-picker-filtered", h.screenText());
        h.press(Action.COMMIT).press(Action.ROW_DOWN).press(Action.OPEN_SESSION);
        assertEquals(dev.weft.tui.state.Overlay.NONE, h.state().overlay());
        assertEquals(MemorySession.empty().name(), h.state().session(), "the harness opens every file as an empty memory session");
    }
}
