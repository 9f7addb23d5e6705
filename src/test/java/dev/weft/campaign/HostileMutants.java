package dev.weft.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutants of the hostile-token corpus: streams of tokens a broken or hostile server may
 * send, built from random terminal controls (CSI with random parameters and final bytes, OSC
 * 52 and OSC 8 ended by BEL, ST, C1 ST or nothing, DCS, APC, bare C0 and C1 controls, DEL,
 * bidi overrides and isolates, line and paragraph separators, NUL), corpus tokens, plain words,
 * very long runs, and sequences cut across two tokens (the ESC at the end of one, the rest at
 * the start of the next), so that joining token texts could make a sequence no single token
 * held. The same seed gives the same mutants.
 */
public final class HostileMutants {
    private HostileMutants() {}

    private static final String[] WORDS = {" the", " Council", " of", " Europe", ",", " we", " must", "."};
    private static final char[] BIDI = {'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068',
            '\u2069', '\u200e', '\u200f', '\u061c'};

    /** One mutant: a stream of {@code 4..24} tokens, none empty. */
    public static List<String> stream(Random random) {
        int size = 4 + random.nextInt(21);
        List<String> tokens = new ArrayList<>(size);
        StringBuilder carry = new StringBuilder();
        for (int i = 0; i < size; i++) {
            StringBuilder token = new StringBuilder(carry);
            carry.setLength(0);
            for (int parts = 1 + random.nextInt(3); parts > 0; parts--) {
                token.append(part(random));
            }
            // cut a sequence across this token and the next
            int esc = token.lastIndexOf("\u001b");
            if (i < size - 1 && esc >= 0 && random.nextInt(3) == 0) {
                int cut = esc + 1 + random.nextInt(token.length() - esc);
                carry.append(token, cut, token.length());
                token.setLength(cut);
            }
            tokens.add(token.length() == 0 ? "x" : token.toString());
        }
        if (carry.length() > 0) {
            tokens.add(carry.toString());
        }
        return tokens;
    }

    private static String part(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> csi(random);
            case 1 -> "\u001b]52;" + (random.nextBoolean() ? "c" : "p") + ";" + base64(random) + end(random);
            case 2 -> "\u001b]8;;http://evil.example/" + random.nextInt(100) + end(random) + "link\u001b]8;;" + end(random);
            case 3 -> (random.nextBoolean() ? "\u001bP" : "\u0090") + "1$r" + random.nextInt(100) + "m" + end(random);
            case 4 -> (random.nextBoolean() ? "\u001b_" : "\u009f") + "apc" + end(random);
            case 5 -> String.valueOf((char) random.nextInt(0x20));
            case 6 -> String.valueOf((char) (0x80 + random.nextInt(0x20)));
            case 7 -> String.valueOf(BIDI[random.nextInt(BIDI.length)]);
            case 8 -> random.nextBoolean() ? "\u2028" : "\u2029";
            case 9 -> "\u007f";
            case 10 -> HostileTokens.TOKENS.get(random.nextInt(HostileTokens.TOKENS.size() - 1));
            case 11 -> random.nextInt(8) == 0 ? String.valueOf((char) ('a' + random.nextInt(26))).repeat(2000 + random.nextInt(9000))
                    : WORDS[random.nextInt(WORDS.length)];
            case 12 -> "\u001b" + (char) (0x20 + random.nextInt(0x5f)); // ESC and any one character: ESC c, ESC 7, ESC =
            default -> WORDS[random.nextInt(WORDS.length)];
        };
    }

    private static String csi(Random random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "\u001b[" : "\u009b");
        if (random.nextInt(4) == 0) {
            s.append("?<=>".charAt(random.nextInt(4)));
        }
        // one parameter of 700..999, which Lanterna's own sequences never hold, so a test can tell them apart
        int params = 1 + random.nextInt(3);
        int marked = random.nextInt(params);
        for (int k = 0; k < params; k++) {
            s.append(k == marked ? 700 + random.nextInt(300) : random.nextInt(1000)).append(k < params - 1 ? ";" : "");
        }
        s.append((char) (0x40 + random.nextInt(0x3f))); // any final byte: m, J, H, t, n, q …
        return s.toString();
    }

    private static String end(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "\u0007";
            case 1 -> "\u001b\\";
            case 2 -> "\u009c";
            default -> "";
        };
    }

    private static String base64(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder s = new StringBuilder();
        for (int k = 4 + random.nextInt(12); k > 0; k--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.append("==").toString();
    }
}
