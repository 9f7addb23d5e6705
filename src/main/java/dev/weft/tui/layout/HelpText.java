package dev.weft.tui.layout;

import dev.weft.tui.command.CommandParser;
import dev.weft.tui.keys.Binding;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.Keymap;
import java.util.ArrayList;
import java.util.List;

/**
 * The help screen's lines, generated from the keymap that dispatches keys (and from the
 * command table), so help lists exactly what the keys do.
 */
public final class HelpText {
    /** One line: a heading, or keys and what they do. */
    public record Line(String keys, String text, boolean heading) {
        static Line heading(String text) {
            return new Line("", text, true);
        }
    }

    private HelpText() {}

    public static List<Line> lines(Keymap keymap) {
        List<Line> out = new ArrayList<>();
        for (Context c : Context.values()) {
            out.add(Line.heading(c.title() + " — " + c.about()));
            for (Binding b : keymap.bindings(c)) {
                if (b.keys().isEmpty()) {
                    continue; // an action this keymap gives no key
                }
                out.add(new Line(b.keyLabels(), b.action().description(), false));
            }
            out.add(new Line("", "", false));
        }
        out.add(Line.heading("Commands — type : then a command; Tab completes, ↑ recalls"));
        for (CommandParser.Syntax s : CommandParser.COMMANDS) {
            out.add(new Line(":" + s.name() + (s.args().isEmpty() ? "" : " " + s.args()), s.about(), false));
        }
        out.add(new Line("", "", false));
        out.add(Line.heading("Settings — :set KEY VALUE"));
        for (CommandParser.Syntax s : CommandParser.SET_KEYS) {
            out.add(new Line(s.name() + " " + s.args(), s.about(), false));
        }
        return out;
    }
}
