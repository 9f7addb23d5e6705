package dev.weft.tui.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Objects;

/**
 * A style turned into what Lanterna draws with, at one colour depth. A value; its hash is kept
 * because every cell of every frame is looked up by it.
 */
public final class Ink {
    private final TextColor fg;
    private final TextColor bg;
    private final EnumSet<SGR> sgr;
    private final int hash;

    public Ink(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
        this.fg = fg;
        this.bg = bg;
        this.sgr = EnumSet.copyOf(sgr);
        this.hash = Objects.hash(fg, bg, sgr);
    }

    public TextColor fg() {
        return fg;
    }

    public TextColor bg() {
        return bg;
    }

    public EnumSet<SGR> sgr() {
        return EnumSet.copyOf(sgr);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ink i && hash == i.hash && fg.equals(i.fg) && bg.equals(i.bg) && sgr.equals(i.sgr);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Ink[" + fg + ", " + bg + ", " + sgr + "]";
    }
}
