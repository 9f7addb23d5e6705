package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** File names typed on the command line (:w, :e, :export): ~ is $HOME, never Java's user.home. */
class CommandPathsTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/home/researcher");

    @Test
    void tildeIsHome() {
        assertEquals(Path.of("/home/researcher/runs/a.json"), EffectRunner.path("~/runs/a.json", ENV));
        assertEquals(Path.of("/home/researcher"), EffectRunner.path("~", ENV));
        assertEquals(Path.of("/tmp/x.txt"), EffectRunner.path("/tmp/./x.txt", ENV));
        assertEquals(Path.of("~user").toAbsolutePath(), EffectRunner.path("~user", ENV), "only ~ and ~/ expand");
    }
}
