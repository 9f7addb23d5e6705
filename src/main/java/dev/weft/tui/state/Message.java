package dev.weft.tui.state;

/** A line for the user in the message bar, until the next key. */
public record Message(String text, boolean error) {
    public static Message info(String text) {
        return new Message(text, false);
    }

    public static Message error(String text) {
        return new Message(text, true);
    }
}
