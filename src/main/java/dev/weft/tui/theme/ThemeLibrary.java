package dev.weft.tui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where themes come from: {@code NAME.theme} in the user's theme directory
 * ({@code $XDG_CONFIG_HOME/weft/themes}) first, then the themes shipped in the jar (the
 * repository's {@code themes/} directory).
 */
public final class ThemeLibrary {
    /** The shipped themes, one per file in {@code themes/}. */
    public static final List<String> BUILT_IN = List.of("spectrum", "spectrum-256", "high-contrast", "monochrome");
    private static final String RESOURCES = "/dev/weft/tui/themes/";

    private final Path userDir;

    public ThemeLibrary(Path userDir) {
        this.userDir = userDir;
    }

    /** The library for this environment's config directory. */
    public static ThemeLibrary standard(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ThemeLibrary(config.resolve("weft").resolve("themes"));
    }

    /** The theme that suits a colour depth when the user has not chosen one. */
    public static String defaultFor(ColorDepth depth) {
        return switch (depth) {
            case TRUECOLOR -> "spectrum";
            case ANSI256 -> "spectrum-256";
            case ANSI16 -> "high-contrast";
            case NONE -> "monochrome";
        };
    }

    public List<String> names() {
        TreeSet<String> all = new TreeSet<>(BUILT_IN);
        if (userDir != null && Files.isDirectory(userDir)) {
            try (Stream<Path> files = Files.list(userDir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".theme"))
                        .forEach(n -> all.add(n.substring(0, n.length() - ".theme".length())));
            } catch (IOException e) {
                // an unreadable directory offers no names; loading one will say why
            }
        }
        return new ArrayList<>(all);
    }

    /**
     * @throws IOException when there is no such theme or it cannot be read
     * @throws IllegalArgumentException when the file does not parse ("FILE:LINE: reason")
     */
    public Theme load(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IOException("theme names are letters, digits, '.', '_' and '-': " + name);
        }
        Path user = userDir == null ? null : userDir.resolve(name + ".theme");
        if (user != null && Files.isRegularFile(user)) {
            return ThemeFile.parse(Files.readString(user), user.toString());
        }
        try (InputStream in = ThemeLibrary.class.getResourceAsStream(RESOURCES + name + ".theme")) {
            if (in == null) {
                throw new IOException("no theme '" + name + "' (themes: " + String.join(", ", names()) + ")");
            }
            return ThemeFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "themes/" + name + ".theme");
        }
    }
}
