package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ':' history file keeps JLine's format, so lines from earlier versions are still there. */
class CommandHistoryTest {
    @TempDir
    Path dir;

    @Test
    void readsJLinesFormatAndAppendsInIt() throws Exception {
        Path file = dir.resolve("weft").resolve("history");
        Files.createDirectories(file.getParent());
        // as org.jline.reader.impl.history.DefaultHistory writes it: millis ':' escaped line
        Files.writeString(file, "1735787045000:set n 3\n1735787046000:export C:\\\\tmp\\\\a.txt\n", StandardCharsets.UTF_8);
        CommandHistory h = new CommandHistory(file, Clock.fixed(Instant.ofEpochMilli(1735787047000L), ZoneOffset.UTC),
                List::of, List::of, new FileNames(dir, dir));

        assertEquals(List.of("set n 3", "export C:\\tmp\\a.txt"), h.history());
        h.remember("w");
        h.remember("w");
        assertEquals(List.of("set n 3", "export C:\\tmp\\a.txt", "w"), h.history());
        assertEquals("1735787047000:w", Files.readAllLines(file).get(2));
        assertEquals(3, Files.readAllLines(file).size(), "a repeat of the last line is kept once");
    }

    @Test
    void aMissingFileIsAnEmptyHistoryAndFileNamesComplete() throws Exception {
        Files.createDirectories(dir.resolve("sessions"));
        Files.writeString(dir.resolve("sessions").resolve("loom-1.json"), "{}");
        Files.writeString(dir.resolve(".hidden"), "");
        CommandHistory h = new CommandHistory(dir.resolve("none"), Clock.systemUTC(), List::of, List::of, new FileNames(dir, dir));
        assertEquals(List.of(), h.history());
        assertEquals(List.of("sessions/"), h.files("se"));
        assertEquals(List.of("sessions/loom-1.json"), h.files("sessions/"));
        assertEquals(List.of("~/sessions/"), h.files("~/s"));
    }
}
