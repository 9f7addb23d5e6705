package dev.weft.tui.theme;

import dev.weft.loom.DisplayText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The theme file format: one {@code key = value} per line; {@code #} starts a comment at the
 * start of a line or after a space. Keys: {@code name}, {@code description},
 * {@code probability = fg|bg}, {@code spectrum = P COLOUR, P COLOUR, ...},
 * {@code bucket = P STYLE} (repeatable, first match from the highest P wins),
 * {@code boundary.glyph = │}, and one key per {@link Part} whose value is a {@link Style}.
 * Documented in {@code man/weft.1}, THEMES.
 */
public final class ThemeFile {
    private ThemeFile() {}

    /**
     * @param source names the file in error messages
     * @throws IllegalArgumentException "SOURCE:LINE: reason"
     */
    public static Theme parse(String text, String source) {
        String name = source;
        String description = "";
        boolean background = false;
        List<Theme.Stop> spectrum = new ArrayList<>();
        List<Theme.Bucket> buckets = new ArrayList<>();
        Map<Part, Style> styles = new EnumMap<>(Part.class);
        String glyph = "│";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw error(source, i, "expected 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "name" -> name = value;
                    case "description" -> description = value;
                    case "probability" -> background = switch (value) {
                        case "fg" -> false;
                        case "bg" -> true;
                        default -> throw new IllegalArgumentException("probability must be fg or bg");
                    };
                    case "spectrum" -> spectrum = stops(value);
                    case "bucket" -> buckets.add(bucket(value));
                    case "boundary.glyph" -> glyph = glyph(value);
                    default -> {
                        Part part = Part.byKey(key);
                        if (part == null) {
                            throw new IllegalArgumentException("unknown key '" + key + "'");
                        }
                        styles.put(part, Style.parse(value));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw error(source, i, e.getMessage());
            }
        }
        buckets.sort(Comparator.comparingDouble(Theme.Bucket::atLeast).reversed());
        return new Theme(name, description, background, spectrum, buckets, styles, glyph);
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#') {
                boolean atStart = line.substring(0, i).isBlank();
                boolean spaced = i > 0 && Character.isWhitespace(line.charAt(i - 1))
                        && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)));
                if (atStart || spaced) {
                    return line.substring(0, i);
                }
            }
        }
        return line;
    }

    private static List<Theme.Stop> stops(String value) {
        List<Theme.Stop> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("spectrum stop '" + part.strip() + "' is not 'P #rrggbb'");
            }
            if (!(Colour.parse(words[1]) instanceof Colour.Rgb rgb)) {
                throw new IllegalArgumentException("spectrum colours are #rrggbb, got '" + words[1] + "'");
            }
            double at = probability(words[0]);
            if (!out.isEmpty() && at <= out.get(out.size() - 1).at()) {
                throw new IllegalArgumentException("spectrum stops must ascend");
            }
            out.add(new Theme.Stop(at, rgb));
        }
        return out;
    }

    private static Theme.Bucket bucket(String value) {
        String[] words = value.split("\\s+", 2);
        return new Theme.Bucket(probability(words[0]), Style.parse(words.length > 1 ? words[1] : ""));
    }

    private static double probability(String word) {
        try {
            double p = Double.parseDouble(word);
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probability " + word + " is outside 0..1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a probability");
        }
    }

    private static String glyph(String value) {
        String safe = DisplayText.token(value);
        if (safe.codePointCount(0, safe.length()) != 1) {
            throw new IllegalArgumentException("boundary.glyph must be one character");
        }
        return safe;
    }

    private static IllegalArgumentException error(String source, int line, String reason) {
        return new IllegalArgumentException(source + ":" + (line + 1) + ": " + reason);
    }
}
