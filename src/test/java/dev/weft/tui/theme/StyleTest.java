package dev.weft.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Style#over}: what it gives, and that it makes no new style when the result is one of the two. */
class StyleTest {
    private static final Colour RED = Colour.parse("#ff0000");
    private static final Colour BLUE = Colour.parse("#0000ff");

    @Test
    void overAPlainBaseIsTheStyleItself() {
        Style s = new Style(RED, null, Set.of(Style.Attr.BOLD));
        assertSame(s, s.over(Style.PLAIN));
        assertSame(s, s.over(new Style(null, null, Set.of(Style.Attr.BOLD))), "the base adds nothing");
    }

    @Test
    void aPlainStyleOverABaseIsTheBase() {
        Style base = new Style(RED, BLUE, Set.of(Style.Attr.UNDERLINE));
        assertSame(base, Style.PLAIN.over(base));
        assertSame(base, new Style(RED, null, Set.of()).over(base), "the same colour and no attribute of its own");
    }

    @Test
    void otherwiseColoursWinWhereSetAndAttributesAddUp() {
        Style s = new Style(RED, null, Set.of(Style.Attr.BOLD));
        Style base = new Style(BLUE, BLUE, Set.of(Style.Attr.UNDERLINE));
        assertEquals(new Style(RED, BLUE, Set.of(Style.Attr.BOLD, Style.Attr.UNDERLINE)), s.over(base));
        assertEquals(new Style(RED, BLUE, Set.of(Style.Attr.UNDERLINE)), new Style(RED, null, Set.of()).over(base));
        assertEquals(new Style(BLUE, null, Set.of(Style.Attr.BOLD, Style.Attr.DIM)),
                Style.of(Style.Attr.DIM).over(new Style(BLUE, null, Set.of(Style.Attr.BOLD))));
    }
}
