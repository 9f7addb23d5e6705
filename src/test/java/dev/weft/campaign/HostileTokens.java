package dev.weft.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Token texts a hostile or broken server may send, each aimed at the terminal: clearing it,
 * colouring it, writing the clipboard (OSC 52), planting a link (OSC 8), querying it (DCS),
 * the same through 8-bit C1 controls, bells, backspaces and carriage returns that hide text,
 * bidi overrides that reverse it, NUL, a 10,000-character token, and characters split across
 * tokens. And the check that none of it reaches an output raw.
 */
public final class HostileTokens {
    private HostileTokens() {}

    public static final List<String> TOKENS = List.of(
            "\u001b[2J\u001b[H",                           // CSI: clear screen, home
            "\u001b[31mred",                               // SGR
            "\u001b]52;c;aGFja2Vk\u0007",                  // OSC 52: write the clipboard
            "\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\", // OSC 8 hyperlink
            "\u001bP1$r0m\u001b\\",                        // DCS
            "\u009b2J",                                    // C1 CSI
            "\u009d52;c;eA==\u009c",                       // C1 OSC ... ST
            "\u0007bell",                                  // BEL
            "hide\b\b\b\b",                                // BS
            "\rover",                                      // CR
            "\u202eexe.txt",                               // RLO bidi override
            "\u2066iso\u2069",                             // bidi isolate
            "a\u0000b",                                    // NUL
            "\u007fdel",                                   // DEL
            "line\u2028sep",                               // line separator
            "A".repeat(10_000) + "\u001b[0m");             // a huge token ending in an escape

    /** Every character that must never reach an output raw; ESC too, when no colour is asked for. */
    public static boolean isForbidden(char c, boolean coloursAllowed) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c == 0x1b) {
            return !coloursAllowed;
        }
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The raw controls in {@code output}, with where they are; empty when clean. With colours
     * allowed, an ESC is allowed only as the start of an SGR sequence ({@code ESC [ digits ; m}).
     */
    public static List<String> rawControls(String output, boolean coloursAllowed) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (coloursAllowed && c == 0x1b) {
                int j = i + 1;
                if (j < output.length() && output.charAt(j) == '[') {
                    j++;
                    while (j < output.length() && (Character.isDigit(output.charAt(j)) || output.charAt(j) == ';')) {
                        j++;
                    }
                    if (j < output.length() && output.charAt(j) == 'm') {
                        i = j;
                        continue;
                    }
                }
                found.add(String.format("ESC not starting a colour at %d", i));
                continue;
            }
            if (isForbidden(c, coloursAllowed)) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        return found;
    }
}
