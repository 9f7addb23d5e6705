package dev.weft.tui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The terminal's clipboard escape (OSC 52): {@code ESC ] 52 ; c ; BASE64 BEL}. It works over SSH and
 * inside tmux with {@code set-clipboard on}; the text travels base64-encoded, so nothing in it reaches
 * the terminal as a control sequence.
 */
final class Osc52 {
    private Osc52() {}

    static byte[] sequence(String text) {
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return ("\u001b]52;c;" + encoded + "\u0007").getBytes(StandardCharsets.US_ASCII);
    }
}
