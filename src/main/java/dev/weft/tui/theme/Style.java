package dev.weft.tui.theme;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a piece of the screen looks: colours (null = keep what is underneath) and attributes.
 * Written in theme files as words: {@code fg:#88c0d0 bg:236 bold underline}; {@code normal} is no attribute.
 */
public record Style(Colour fg, Colour bg, Set<Attr> attrs) {
    public static final Style PLAIN = new Style(null, null, Set.of());

    public enum Attr { BOLD, DIM, ITALIC, UNDERLINE, REVERSE }

    public Style {
        attrs = attrs.isEmpty() ? Set.of() : Set.copyOf(attrs);
    }

    public static Style of(Attr... attrs) {
        return new Style(null, null, attrs.length == 0 ? Set.of() : EnumSet.of(attrs[0], attrs));
    }

    public static Style fg(Colour c) {
        return new Style(c, null, Set.of());
    }

    public static Style bg(Colour c) {
        return new Style(null, c, Set.of());
    }

    /**
     * This style drawn over {@code base}: its colours win where set; attributes add up. When the
     * result equals one of the two it is that one, not a new style: renderers ask this for every
     * token of every frame, and most of the time over a plain base.
     */
    public Style over(Style base) {
        Colour f = fg != null ? fg : base.fg;
        Colour b = bg != null ? bg : base.bg;
        Set<Attr> all;
        if (base.attrs.isEmpty() || attrs.containsAll(base.attrs)) {
            all = attrs;
        } else if (attrs.isEmpty() || base.attrs.containsAll(attrs)) {
            all = base.attrs;
        } else {
            EnumSet<Attr> both = EnumSet.noneOf(Attr.class);
            both.addAll(base.attrs);
            both.addAll(attrs);
            all = both;
        }
        if (all == attrs && f == fg && b == bg) {
            return this;
        }
        if (all == base.attrs && f == base.fg && b == base.bg) {
            return base;
        }
        return new Style(f, b, all);
    }

    public boolean has(Attr a) {
        return attrs.contains(a);
    }

    static Style parse(String text) {
        Colour fg = null;
        Colour bg = null;
        EnumSet<Attr> attrs = EnumSet.noneOf(Attr.class);
        for (String word : text.trim().split("\\s+")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.equals("normal")) {
                continue;
            }
            if (w.startsWith("fg:")) {
                fg = Colour.parse(w.substring(3));
            } else if (w.startsWith("bg:")) {
                bg = Colour.parse(w.substring(3));
            } else {
                try {
                    attrs.add(Attr.valueOf(w.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown style word '" + word
                            + "': use fg:COLOUR, bg:COLOUR, bold, dim, italic, underline, reverse or normal");
                }
            }
        }
        return new Style(fg, bg, attrs);
    }
}
