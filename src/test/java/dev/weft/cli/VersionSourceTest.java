package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * weft --version prints the jar manifest's Implementation-Version, which the shade plugin takes
 * from the pom; the man pages must name the same version.
 */
class VersionSourceTest {
    @Test
    void theManifestAndTheManPagesTakeThePomsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>weft</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the pom names its version");
        String version = m.group(1);
        assertTrue(pom.contains("<Implementation-Version>${project.version}</Implementation-Version>"),
                "the shaded jar's manifest carries the pom's version");
        for (String page : new String[] {"man/weft.1", "man/weft-session.5"}) {
            Matcher th = Pattern.compile("(?m)^\\.TH \\S+ \\S+ \"[^\"]*\" \"weft ([^\"]+)\"").matcher(Files.readString(Path.of(page)));
            assertTrue(th.find(), page + " has a .TH line naming weft's version");
            assertEquals(version, th.group(1), page);
        }
    }
}
