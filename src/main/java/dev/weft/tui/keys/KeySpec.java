package dev.weft.tui.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One key as a user presses it, written the way help screens and the config file write it:
 * {@code g}, {@code G}, {@code <}, {@code Space}, {@code Enter}, {@code Esc}, {@code Left},
 * {@code S-Left}, {@code C-c}, {@code M-x}, {@code F1}, {@code PageDown}.
 *
 * @param character the typed character when {@code type} is {@link KeyType#Character}, else 0;
 *                  a shifted letter is its upper case, so {@code shift} is only kept for named keys
 */
public record KeySpec(KeyType type, char character, boolean ctrl, boolean alt, boolean shift) {

    private static final Map<String, KeyType> NAMED = named();

    public KeySpec {
        if (type == KeyType.Character) {
            shift = false;
            if (ctrl) {
                character = Character.toLowerCase(character);
            }
        } else {
            character = 0;
        }
    }

    public static KeySpec of(char c) {
        return new KeySpec(KeyType.Character, c, false, false, false);
    }

    public static KeySpec of(KeyType type) {
        return new KeySpec(type, (char) 0, false, false, false);
    }

    public static KeySpec ctrl(char c) {
        return new KeySpec(KeyType.Character, c, true, false, false);
    }

    public static KeySpec of(KeyStroke stroke) {
        char c = stroke.getKeyType() == KeyType.Character ? stroke.getCharacter() : 0;
        return new KeySpec(stroke.getKeyType(), c, stroke.isCtrlDown(), stroke.isAltDown(), stroke.isShiftDown());
    }

    /**
     * Parses the written form.
     *
     * @throws IllegalArgumentException for an unknown name, or for C-h, C-i, C-j, C-m, which a
     *                                  terminal sends as Backspace, Tab and Enter
     */
    public static KeySpec parse(String text) {
        String rest = text;
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        while (rest.length() > 2 && rest.charAt(1) == '-') {
            switch (rest.charAt(0)) {
                case 'C' -> ctrl = true;
                case 'M' -> alt = true;
                case 'S' -> shift = true;
                default -> throw new IllegalArgumentException("unknown modifier in key '" + text + "' (use C-, M-, S-)");
            }
            rest = rest.substring(2);
        }
        if (rest.codePointCount(0, rest.length()) == 1 && rest.length() == 1) {
            char c = rest.charAt(0);
            if (ctrl && "hijmHIJM".indexOf(c) >= 0) {
                throw new IllegalArgumentException("key '" + text + "' cannot be told apart from "
                        + (Character.toLowerCase(c) == 'h' ? "Backspace" : Character.toLowerCase(c) == 'i' ? "Tab" : "Enter")
                        + " in a terminal; choose another key");
            }
            return new KeySpec(KeyType.Character, c, ctrl, alt, false);
        }
        if (rest.equalsIgnoreCase("Space")) {
            return new KeySpec(KeyType.Character, ' ', ctrl, alt, false);
        }
        KeyType type = NAMED.get(rest.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown key '" + text + "'");
        }
        return new KeySpec(type, (char) 0, ctrl, alt, shift);
    }

    /** The written form; {@code parse(label())} gives this key back. */
    public String label() {
        StringBuilder out = new StringBuilder();
        if (ctrl) {
            out.append("C-");
        }
        if (alt) {
            out.append("M-");
        }
        if (shift) {
            out.append("S-");
        }
        if (type == KeyType.Character) {
            out.append(character == ' ' ? "Space" : String.valueOf(character));
        } else {
            out.append(name(type));
        }
        return out.toString();
    }

    /** A keystroke that Lanterna would report for this key, for driving the app in tests. */
    public KeyStroke toStroke() {
        return type == KeyType.Character
                ? new KeyStroke(character, ctrl, alt, false)
                : new KeyStroke(type, ctrl, alt, shift);
    }

    /** A plain printable character with no modifier: text for an editor rather than a command. */
    public boolean isText() {
        return type == KeyType.Character && !ctrl && !alt && character >= ' ' && character != 0x7f;
    }

    @Override
    public String toString() {
        return label();
    }

    private static String name(KeyType type) {
        return switch (type) {
            case Escape -> "Esc";
            case ArrowLeft -> "Left";
            case ArrowRight -> "Right";
            case ArrowUp -> "Up";
            case ArrowDown -> "Down";
            case ReverseTab -> "BackTab";
            default -> type.name();
        };
    }

    private static Map<String, KeyType> named() {
        Map<String, KeyType> out = new TreeMap<>();
        for (KeyType t : KeyType.values()) {
            switch (t) {
                case Character, Unknown, CursorLocation, MouseEvent, EOF -> { }
                default -> out.put(name(t).toLowerCase(Locale.ROOT), t);
            }
        }
        out.put("escape", KeyType.Escape);
        return out;
    }
}
