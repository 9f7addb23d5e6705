package dev.weft.tui.state;

import java.util.List;

/**
 * The {@code :} line being typed on the loom's bottom row, like vim's: its text and caret, the
 * history to step through (oldest first; {@code historyAt == history.size()} is the line being
 * typed, kept in {@code draft} while an older one is shown), the names Tab completes, and the
 * candidates of the Tab in progress.
 */
public record CommandLine(String text, int caret, List<String> history, int historyAt, String draft,
                          List<String> themes, List<String> backends, Completing completing) {

    public static final CommandLine EMPTY = new CommandLine("", 0, List.of(), 0, "", List.of(), List.of(), null);

    public CommandLine {
        if (caret < 0 || caret > text.length()) {
            throw new IllegalArgumentException("caret " + caret + " outside the line");
        }
        history = List.copyOf(history);
        themes = List.copyOf(themes);
        backends = List.copyOf(backends);
    }

    /**
     * Tab pressed again cycles: {@code candidates} all fit the word that started at
     * {@code wordStart}; {@code index} is the one on the line now (-1: none chosen yet).
     */
    public record Completing(int wordStart, List<String> candidates, int index) {
        public Completing {
            candidates = List.copyOf(candidates);
        }
    }

    /** The same line with new text and caret; any Tab cycle ends. */
    public CommandLine edited(String t, int c) {
        return new CommandLine(t, c, history, historyAt, draft, themes, backends, null);
    }

    public CommandLine withCompleting(String t, int c, Completing k) {
        return new CommandLine(t, c, history, historyAt, draft, themes, backends, k);
    }

    public CommandLine withData(List<String> h, List<String> t, List<String> b) {
        return new CommandLine(text, caret, h, h.size(), draft, t, b, completing);
    }

    /** Shows history entry {@code at} (history.size(): the draft again). */
    public CommandLine atHistory(int at) {
        String d = historyAt == history.size() ? text : draft;
        String shown = at == history.size() ? d : history.get(at);
        return new CommandLine(shown, shown.length(), history, at, d, themes, backends, null);
    }
}
