package dev.weft.tui.theme;

import java.util.Locale;

/** A colour as a theme file writes it: {@code #rrggbb}, a 256-palette index, an ANSI name, or {@code default}. */
public sealed interface Colour {
    Colour DEFAULT = new Default();

    record Rgb(int r, int g, int b) implements Colour {
        public Rgb {
            if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
                throw new IllegalArgumentException("colour channel out of range");
            }
        }

        /** The colour {@code t} of the way from this to {@code to}. */
        public Rgb mix(Rgb to, double t) {
            return new Rgb(lerp(r, to.r, t), lerp(g, to.g, t), lerp(b, to.b, t));
        }

        private static int lerp(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }

    /** An entry of the xterm 256-colour palette. */
    record Indexed(int index) implements Colour {
        public Indexed {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("palette index must be 0..255, got " + index);
            }
        }
    }

    /** One of the 16 ANSI colours: 0–7 normal, 8–15 bright. */
    record Ansi(int code) implements Colour {
        static final String[] NAMES = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
    }

    /** The terminal's own foreground or background. */
    record Default() implements Colour {}

    static Colour parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("default")) {
            return DEFAULT;
        }
        if (t.matches("#[0-9a-f]{6}")) {
            int v = Integer.parseInt(t.substring(1), 16);
            return new Rgb(v >> 16, (v >> 8) & 0xff, v & 0xff);
        }
        if (t.matches("[0-9]{1,3}")) {
            return new Indexed(Integer.parseInt(t));
        }
        boolean bright = t.startsWith("bright-");
        String base = bright ? t.substring("bright-".length()) : t;
        for (int i = 0; i < Ansi.NAMES.length; i++) {
            if (Ansi.NAMES[i].equals(base)) {
                return new Ansi(bright ? i + 8 : i);
            }
        }
        throw new IllegalArgumentException("unknown colour '" + text + "': use #rrggbb, 0..255, an ANSI name"
                + " (red, bright-red, ...) or default");
    }
}
