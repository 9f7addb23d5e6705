package dev.weft.cli;

import dev.weft.testing.RefusingClassLoader;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code weft}, {@code weft FILE} and {@code weft --version} must not load picocli (README, Benchmarks):
 * the fast path's classes are loaded afresh by a class loader that refuses picocli and lists what was asked.
 */
class FastPathTest {
    @Test
    void versionLoadsNoPicocliClass() throws Exception {
        RefusingClassLoader loader = new RefusingClassLoader(name -> name.startsWith("picocli."),
                "the fast path must not load picocli");
        Class<?> launcher = Class.forName(Launcher.class.getName(), true, loader); // linked: main is verified
        Method version = launcher.getDeclaredMethod("printedTheVersion", String[].class, PrintStream.class);
        version.setAccessible(true);
        for (String option : List.of("--version", "-V")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertEquals(true, version.invoke(null, new String[] {option}, new PrintStream(bytes, true, UTF_8)));
            assertTrue(bytes.toString(UTF_8).startsWith("weft "), bytes.toString(UTF_8));
        }
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void theLoomsEntryLoadsNoPicocliClass() throws Exception {
        RefusingClassLoader loader = new RefusingClassLoader(name -> name.startsWith("picocli."),
                "the fast path must not load picocli");
        Class.forName(Launcher.class.getName(), true, loader);
        Method opens = Class.forName(Launcher.class.getName(), true, loader).getDeclaredMethod("opensTheLoom", String[].class);
        opens.setAccessible(true);
        assertEquals(true, opens.invoke(null, (Object) new String[] {"a.json"}));
        // what main calls for the loom, linked (verified) and initialised as a start would
        Class.forName(OpenCommand.class.getName(), true, loader);
        Class.forName("dev.weft.tui.LoomApp", true, loader);
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void theJarStartsAtTheLauncher() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<mainClass>" + Launcher.class.getName() + "</mainClass>"),
                "the jar's Main-Class must be the picocli-free launcher");
    }
}
