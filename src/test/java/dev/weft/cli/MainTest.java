package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void theFastPathKnowsEveryCommandPicocliKnows() {
        assertEquals(new picocli.CommandLine(new Main()).getSubcommands().keySet(), Main.COMMANDS);
    }

    @Test
    void onlyNothingOrALoneFileSkipsPicocli() {
        assertTrue(Launcher.opensTheLoom(new String[0]));
        assertTrue(Launcher.opensTheLoom(new String[] {"sessions/a.json"}));
        assertTrue(Launcher.opensTheLoom(new String[] {"@odd-name.json"}));
        assertFalse(Launcher.opensTheLoom(new String[] {"tree"}), "a command");
        assertFalse(Launcher.opensTheLoom(new String[] {"--version"}), "an option");
        assertFalse(Launcher.opensTheLoom(new String[] {"-V"}), "an option");
        assertFalse(Launcher.opensTheLoom(new String[] {"a.json", "b.json"}), "two arguments: picocli says what is wrong");
        assertFalse(Launcher.opensTheLoom(new String[] {"--debug", "a.json"}));
    }
    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("generate") && run.out().contains("score") && run.out().contains("tree"), run.out());
    }

    @Test
    void versionPrintsOneLine() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("weft "), run.out());
    }

    @Test
    void commandHelpShowsTheSharedOptions() {
        CliRun run = CliRun.of("generate", "--help");
        assertEquals(0, run.exit());
        for (String option : new String[] {"--temperature", "--top-p", "--top-k", "--min-p", "--max-tokens", "-n",
                "--top-logprobs", "--seed", "--stop", "--json", "--no-color", "--session", "--corpus"}) {
            assertTrue(run.out().contains(option), option + " missing from\n" + run.out());
        }
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        CliRun unknown = CliRun.of("generate", "--temprature", "1", "x");
        assertEquals(2, unknown.exit());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("weft: "), unknown.err());

        CliRun badValue = CliRun.of("generate", "--top-p", "1.5", "x");
        assertEquals(2, badValue.exit());
        assertEquals("weft: top-p must be in (0, 1], got 1.5", badValue.err().strip());

        CliRun missing = CliRun.of("score", "only-prompt");
        assertEquals(2, missing.exit());
    }

    @Test
    void runtimeFailureIsOneLineWithoutStackTraceUnlessDebug() {
        CliRun run = CliRun.of("tree", "/nonexistent/session.json");
        assertEquals(1, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("at dev.weft"), run.err());

        CliRun debug = CliRun.of("--debug", "tree", "/nonexistent/session.json");
        assertEquals(1, debug.exit());
        assertTrue(debug.err().contains("at dev.weft"), debug.err());
    }

    @Test
    void debugIsAlsoAcceptedAfterTheCommand() {
        CliRun debug = CliRun.of("tree", "--debug", "/nonexistent/session.json");
        assertEquals(1, debug.exit());
        assertTrue(debug.err().contains("at dev.weft"), debug.err());
    }
}
