package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer to the start screen's offer, written into the config without losing anything of it. */
class ConfigEditsTest {
    @TempDir Path dir;

    @Test
    void yesAddsAGgufProfileMadeTheDefaultThatTheConfigReadsBack() throws Exception {
        Path config = dir.resolve("weft/config.json");
        assertTrue(ConfigEdits.offersLocalModels(config), "no file: offered");
        ConfigEdits.useLocalModel(config, "llama3.2:1b", Path.of("/m/blobs/sha256-ab"));
        WeftConfig read = ConfigFile.load(config);
        assertEquals("llama3.2:1b", read.defaultProfile());
        assertEquals(ApiKind.GGUF, read.profiles().get("llama3.2:1b").api());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void everythingElseInTheFileIsKeptAndADefaultIsNotReplaced() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"tui\": {\"theme\": \"paper\"}, \"model_folders\": [\"~/m\"],"
                + " \"profiles\": {\"srv\": {\"api\": \"llamacpp\", \"base_url\": \"http://h:8080\"}},"
                + " \"default_profile\": \"srv\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        ConfigEdits.useLocalModel(config, "smol", Path.of("/m/smol.gguf"));
        JsonNode root = new ObjectMapper().readTree(Files.readString(config));
        assertEquals("paper", root.path("tui").path("theme").asText());
        assertEquals("~/m", root.path("model_folders").get(0).asText());
        assertEquals("srv", root.path("default_profile").asText());
        assertEquals("http://h:8080", root.path("profiles").path("srv").path("base_url").asText());
        assertEquals("/m/smol.gguf", root.path("profiles").path("smol").path("path").asText());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertFalse(Files.exists(dir.resolve(".config.json.tmp")));
    }

    @Test
    void noIsRememberedSoTheOfferIsNotMadeAgain() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"tui\": {\"colors\": \"256\"}}");
        ConfigEdits.declineLocalModels(config);
        assertFalse(ConfigEdits.offersLocalModels(config));
        assertEquals("256", new ObjectMapper().readTree(Files.readString(config)).path("tui").path("colors").asText());
        ConfigFile.load(config); // still a valid config
    }

    @Test
    void aFileThatDoesNotParseIsNeverWritten() throws Exception {
        Path config = dir.resolve("config.json");
        String broken = "{\"profiles\": {\"a\": ";
        Files.writeString(config, broken);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigEdits.declineLocalModels(config));
        assertTrue(e.getMessage().contains(config.toString()) && e.getMessage().contains("left as it is"), e.getMessage());
        assertEquals(broken, Files.readString(config));
        assertFalse(ConfigEdits.offersLocalModels(config), "an unreadable config is not added to");
    }
}
