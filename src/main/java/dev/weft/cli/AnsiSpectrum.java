package dev.weft.cli;

import dev.weft.loom.DisplayText;

/**
 * The essay's "full spectrum" for headless output: each token coloured by the probability
 * the model gave it, green = likely through yellow to red = unlikely. Unscored text is plain.
 */
final class AnsiSpectrum {
    private static final String RESET = "\u001b[0m";

    private final ColorDepth depth;

    AnsiSpectrum(ColorDepth depth) {
        this.depth = depth;
    }

    /** The token's text, made terminal-safe, coloured by {@code probability} (NaN = unscored). */
    String paint(String text, double probability) {
        String safe = DisplayText.safe(text, true);
        if (depth == ColorDepth.NONE || Double.isNaN(probability) || safe.isEmpty()) {
            return safe;
        }
        String code = sgr(probability, false, false);
        // colour each line separately so a newline inside a token does not carry colour into the margin
        return String.join("\n", safe.lines().map(l -> l.isEmpty() ? l : "\u001b[" + code + "m" + l + RESET)
                .toList()) + (safe.endsWith("\n") ? "\n" : "");
    }

    /**
     * The SGR parameters that set the spectrum colour of {@code probability} as the foreground or
     * the background, optionally darker (so that neighbouring blocks of a plot stay apart); empty
     * without colour.
     */
    String sgr(double probability, boolean background, boolean darker) {
        if (depth == ColorDepth.NONE) {
            return "";
        }
        int[] rgb = rgb(probability);
        if (darker) {
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = rgb[i] * 3 / 4;
            }
        }
        String layer = background ? "48" : "38";
        return switch (depth) {
            case TRUECOLOR -> layer + ";2;" + rgb[0] + ";" + rgb[1] + ";" + rgb[2];
            case ANSI256 -> layer + ";5;" + cube(rgb);
            default -> background ? String.valueOf(Integer.parseInt(ansi16(probability)) + 10) : ansi16(probability);
        };
    }

    boolean colours() {
        return depth != ColorDepth.NONE;
    }

    /** Hue from red (p = 0) through yellow (0.5) to green (1). */
    static int[] rgb(double probability) {
        double p = Math.max(0, Math.min(1, probability));
        double hue = 120 * p;
        double c = 0.9;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double r = hue < 60 ? c : x;
        double g = hue < 60 ? x : c;
        double m = 0.1;
        return new int[] {(int) Math.round((r + m) * 255), (int) Math.round((g + m) * 255), (int) Math.round(m * 255)};
    }

    private static int cube(int[] rgb) {
        return 16 + 36 * level(rgb[0]) + 6 * level(rgb[1]) + level(rgb[2]);
    }

    private static int level(int channel) {
        return channel < 48 ? 0 : channel < 115 ? 1 : (channel - 35) / 40;
    }

    private static String ansi16(double p) {
        return p > 0.8 ? "92" : p > 0.5 ? "32" : p > 0.2 ? "93" : p > 0.05 ? "33" : "91";
    }
}
