package dev.weft.tui.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/** A style turned into what Lanterna draws with, at one colour depth. */
public record Ink(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    public Ink {
        sgr = EnumSet.copyOf(sgr);
    }

    @Override
    public EnumSet<SGR> sgr() {
        return EnumSet.copyOf(sgr);
    }
}
