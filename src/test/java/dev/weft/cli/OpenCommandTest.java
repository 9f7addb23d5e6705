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

    @Test
    void theLoomTakesTheBackendFlagsOfTheHeadlessCommandsAndRefusesABadOneBeforeStarting(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\": {\"laptop\": {\"api\": \"llamacpp\", \"base_url\": \"http://127.0.0.1:9\","
                + " \"model\": \"local\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun help = CliRun.of("open", "--help");
            for (String flag : new String[] {"--profile", "--api", "--endpoint", "--model", "--api-key-env", "--gguf",
                    "--kv-cache-mb", "--corpus", "--order"}) {
                assertTrue(help.out().contains(flag), flag + " missing from:\n" + help.out());
            }
            Path file = dir.resolve("s.json");
            CliRun unknown = CliRun.of("open", "--profile", "gpu", file.toString());
            assertEquals(2, unknown.exit());
            assertEquals("weft: no profile 'gpu' in " + config + " (profiles: laptop)", unknown.err().strip());
            CliRun both = CliRun.of("open", "--profile", "laptop", "--gguf", "x.gguf", file.toString());
            assertEquals(2, both.exit());
            assertTrue(both.err().startsWith("weft: --gguf FILE runs a model file; it cannot be combined with --profile"),
                    both.err());
            CliRun noModel = CliRun.of("open", "--api", "llamacpp", file.toString());
            assertEquals(2, noModel.exit());
            assertEquals("weft: --api llamacpp: no model given; add --model NAME", noModel.err().strip());
            // a good one gets as far as the terminal check
            for (CliRun ok : new CliRun[] {CliRun.of("open", "--profile", "laptop", file.toString()),
                    CliRun.of("open", "--api", "ollama", "--model", "llama3.2", file.toString())}) {
                assertEquals(1, ok.exit(), ok.err());
                assertTrue(ok.err().contains("the loom needs a terminal"), ok.err());
            }
            assertFalse(Files.exists(file));
        } finally {
            if (previous == null) {
                System.clearProperty(ModelOptions.CONFIG_PROPERTY);
            } else {
                System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
            }
        }
    }
}
