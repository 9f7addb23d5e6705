package dev.weft.model.http;

/**
 * Receives one-line notices a user should see but that are not failures: "asked for 5
 * alternatives, the server gives at most 5", "the stream ended early; kept 12 tokens". The TUI
 * shows them in the status bar, headless commands on stderr. Called from backend threads.
 */
@FunctionalInterface
public interface Notices {
    Notices IGNORE = line -> {};

    void notice(String line);
}
