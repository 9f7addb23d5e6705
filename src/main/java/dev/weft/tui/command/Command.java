package dev.weft.tui.command;

/** A parsed {@code :} command line. */
public sealed interface Command {

    /** {@code :set KEY VALUE}; with no key, {@code :set} shows the settings. */
    record Set(String key, String value) implements Command {}

    record Save() implements Command {}

    record SaveAs(String path) implements Command {}

    record Open(String path) implements Command {}

    /** Plain text of the current path to a file. */
    record Export(String path) implements Command {}

    record Help() implements Command {}

    /** The current path's text to the clipboard ({@code path} null) or to a file; {@code overwrite} for {@code :yank!}. */
    record Yank(String path, boolean overwrite) implements Command {}

    /**
     * Continue the current path on the backend in use and on {@code profile} (any backend the picker
     * lists, {@code embedded:CORPUS} or {@code gguf:FILE}), side by side.
     */
    record Compare(String profile) implements Command {}

    /** This session's tree and another file's, node by corresponding node. */
    record CompareFile(String path) implements Command {}
    /** The sweep view: {@code n} samples at each temperature; on backend {@code vs} too when not null. */
    record Sweep(java.util.List<Double> temperatures, int n, String vs) implements Command {
        public Sweep {
            temperatures = java.util.List.copyOf(temperatures);
        }

        public Sweep(java.util.List<Double> temperatures, int n) {
            this(temperatures, n, null);
        }
    }

    /**
     * The distribution view for a candidate set: {@code 0..100}, {@code a,b,c} or {@code @FILE}; on
     * backend {@code vs} too when not null.
     */
    record Dist(String spec, String vs) implements Command {
        public Dist(String spec) {
            this(spec, null);
        }
    }

    /** {@code :tag WORD…} ({@code on}) or {@code :untag WORD…}: tags on the node the status bar names. */
    record Tag(java.util.List<String> words, boolean on) implements Command {
        public Tag {
            words = java.util.List.copyOf(words);
        }
    }

    /** {@code :note TEXT} writes the node's note; empty text shows it; {@code :unnote} ({@code remove}) deletes it. */
    record Note(String text, boolean remove) implements Command {}

    record Quit() implements Command {}
}
