package dev.weft.tui;

import dev.weft.tui.keys.Binding;
import dev.weft.tui.keys.Context;
import dev.weft.tui.keys.Keymap;

/** The KEYS section of man/weft.1 as troff, written from the keymap the app dispatches with. */
final class ManPageKeys {
    static final String BEGIN = ".\\\" BEGIN KEYS (generated from the keymap: mvn test -Dweft.golden.update=true)";
    static final String END = ".\\\" END KEYS";

    private ManPageKeys() {}

    static String troff(Keymap keymap) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        for (Context c : Context.values()) {
            out.append(".SS ").append(c.title()).append('\n');
            out.append(escape(Character.toUpperCase(c.about().charAt(0)) + c.about().substring(1))).append(".\n");
            for (Binding b : keymap.bindings(c)) {
                if (b.keys().isEmpty()) {
                    continue;
                }
                out.append(".TP 16\n.B \"").append(escape(b.keyLabels())).append("\"\n");
                out.append(escape(b.action().description())).append('\n');
            }
        }
        out.append(END).append('\n');
        return out.toString();
    }

    /** Troff-safe text: backslashes, minus signs, and a leading dot or quote. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-").replace("\"", "\\(dq");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
