package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCommandTest {

    @Test
    void openIsListedWithItsOptions() {
        CliRun help = CliRun.of("open", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--colors") && help.out().contains("FILE"), help.out());
        assertTrue(CliRun.of("--help").out().contains("open"));
    }

    @Test
    void withoutATerminalTheLoomSaysSoAndCreatesNothing(@TempDir Path dir) {
        Path file = dir.resolve("s.json");
        for (CliRun run : new CliRun[] {CliRun.of("open", file.toString()), CliRun.of(file.toString())}) {
            assertEquals(1, run.exit());
            assertEquals("weft: the loom needs a terminal (stdin and stdout must be a tty); see 'weft --help' for headless commands",
                    run.err().strip());
        }
        assertFalse(Files.exists(file));
    }
}
