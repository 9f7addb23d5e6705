package dev.weft.tui.theme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A theme: how probability is painted (the essay's "full spectrum": green likely, red
 * unlikely) and how everything else looks. Read from a theme file by {@link ThemeFile}.
 * Immutable; the style of each probability step is worked out once, since every cell of every
 * frame asks for one.
 */
public final class Theme {
    /** Probability is painted in this many steps: finer than the eye can tell apart on a spectrum. */
    private static final int STEPS = 512;

    public record Stop(double at, Colour.Rgb colour) {}

    public record Bucket(double atLeast, Style style) {}

    private final String name;
    private final String description;
    private final boolean paintsBackground;
    private final List<Stop> spectrum;
    private final List<Bucket> buckets;
    private final Map<Part, Style> styles;
    private final String boundaryGlyph;
    private final Style[] painted = new Style[STEPS];

    /**
     * @param paintsBackground the spectrum colours the token's background instead of its text
     * @param spectrum         colour stops by probability, ascending; interpolated in between
     * @param buckets          probability thresholds, descending, each with a style; used instead of
     *                         the spectrum when present (monochrome: bold, normal, dim, underline)
     * @param styles           the parts the theme styles; the others keep their fallback
     * @param boundaryGlyph    drawn where one node ends and the next begins
     */
    public Theme(String name, String description, boolean paintsBackground, List<Stop> spectrum, List<Bucket> buckets,
                 Map<Part, Style> styles, String boundaryGlyph) {
        this.name = name;
        this.description = description;
        this.paintsBackground = paintsBackground;
        this.spectrum = List.copyOf(spectrum);
        this.buckets = List.copyOf(buckets);
        Map<Part, Style> all = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            all.put(p, styles.getOrDefault(p, p.fallback()));
        }
        this.styles = Map.copyOf(all);
        this.boundaryGlyph = boundaryGlyph;
        for (int i = 0; i < STEPS; i++) {
            painted[i] = paint(i / (double) (STEPS - 1));
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean paintsBackground() {
        return paintsBackground;
    }

    public String boundaryGlyph() {
        return boundaryGlyph;
    }

    public Style style(Part part) {
        return styles.get(part);
    }

    /** The style of a token the model gave probability {@code p}. */
    public Style probability(double p) {
        return painted[(int) Math.round(Math.max(0, Math.min(1, p)) * (STEPS - 1))];
    }

    private Style paint(double p) {
        if (!buckets.isEmpty()) {
            for (Bucket b : buckets) {
                if (p >= b.atLeast()) {
                    return b.style();
                }
            }
            return buckets.get(buckets.size() - 1).style();
        }
        if (spectrum.isEmpty()) {
            return Style.PLAIN;
        }
        Colour.Rgb c = colourAt(p);
        return paintsBackground ? Style.bg(c) : Style.fg(c);
    }

    private Colour.Rgb colourAt(double p) {
        Stop first = spectrum.get(0);
        if (p <= first.at()) {
            return first.colour();
        }
        for (int i = 1; i < spectrum.size(); i++) {
            Stop hi = spectrum.get(i);
            if (p <= hi.at()) {
                Stop lo = spectrum.get(i - 1);
                return lo.colour().mix(hi.colour(), (p - lo.at()) / (hi.at() - lo.at()));
            }
        }
        return spectrum.get(spectrum.size() - 1).colour();
    }

    @Override
    public String toString() {
        return "Theme[" + name + "]";
    }
}
