package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @Test
    void withoutProfilesItReportsTheEmbeddedModel() {
        CliRun run = CliRun.of("doctor");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("embedded model"), run.out());
        assertTrue(run.out().contains("config:"), run.out());
        assertTrue(run.out().contains("weft uses the embedded model"), run.out());
    }

    @Test
    void anUnreachableProfileFails(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"local\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + port
                + "\",\"model\":\"m\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun run = CliRun.of("doctor");
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().contains("profiles: local"), run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAIL")), run.out());
        } finally {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
        }
    }

    @Test
    void aNamedProfileIsTheOnlyOneChecked(@TempDir Path dir) throws Exception {
        int a;
        int b;
        try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
            a = one.getLocalPort();
            b = two.getLocalPort();
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{"
                + "\"a\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + a + "\",\"model\":\"m\"},"
                + "\"b\":{\"api\":\"llamacpp\",\"base_url\":\"http://127.0.0.1:" + b + "\",\"model\":\"m\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        try {
            CliRun run = CliRun.of("doctor", "--profile", "a");
            assertTrue(run.out().contains(":" + a), run.out());
            assertTrue(!run.out().contains(":" + b), "profile b was not asked for: " + run.out());
        } finally {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previous);
        }
    }
}
