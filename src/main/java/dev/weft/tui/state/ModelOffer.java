package dev.weft.tui.state;

/**
 * A model file found on this machine, offered on the start screen when no profile is configured.
 *
 * @param name     the backend name it goes by (Ollama's {@code llama3.2:1b}, the hub's ORG/REPO/FILE)
 * @param about    what it is, in a few words: "ollama · llama 1.2B Q8_0 · 1.2 GB"
 * @param path     the file
 * @param others   how many other runnable models were found ({@code :set backend} lists them)
 */
public record ModelOffer(String name, String about, String path, int others) {}
