package dev.weft.tui.update;

import dev.weft.tui.command.Completions;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.CommandLine;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code :} line on the bottom row: typing, readline keys, history (Up/Down), Tab
 * completion of commands, settings, theme and backend names and file names; Enter runs it,
 * Esc and C-c leave it, as does Backspace on an empty line.
 */
final class CommandLineKeys {
    private CommandLineKeys() {}

    static void open(Step step) {
        open(step, "");
    }

    /** The line opened with {@code text} already typed (# opens it with "tag "). */
    static void open(Step step, String text) {
        step.state = step.state.withOverlay(new Overlay.Command(CommandLine.EMPTY.edited(text, text.length())));
        step.effect(new Effect.ReadCommandLine());
    }

    static void data(Step step, Msg.CommandLineData d) {
        if (step.state.overlay() instanceof Overlay.Command c) {
            set(step, c.line().withData(d.history(), d.themes(), d.backends()));
        }
    }

    static void handle(Step step, Overlay.Command overlay, Action action, KeySpec key) {
        CommandLine line = overlay.line();
        String text = line.text();
        int caret = line.caret();
        if (action == null) {
            if (key.isText()) {
                edit(step, line, LineText.insert(text, caret, String.valueOf(key.character())));
            }
            return;
        }
        switch (action) {
            case RUN_COMMAND -> run(step, text);
            case ABANDON -> step.state = step.state.withOverlay(Overlay.NONE);
            case COMPLETE -> complete(step, line);
            case HISTORY_PREV -> {
                if (line.historyAt() > 0) {
                    set(step, line.atHistory(line.historyAt() - 1));
                }
            }
            case HISTORY_NEXT -> {
                if (line.historyAt() < line.history().size()) {
                    set(step, line.atHistory(line.historyAt() + 1));
                }
            }
            case CARET_LEFT -> set(step, line.edited(text, LineText.left(text, caret)));
            case CARET_RIGHT -> set(step, line.edited(text, LineText.right(text, caret)));
            case CARET_HOME -> set(step, line.edited(text, 0));
            case CARET_END -> set(step, line.edited(text, text.length()));
            case WORD_LEFT -> set(step, line.edited(text, LineText.wordLeft(text, caret)));
            case WORD_RIGHT -> set(step, line.edited(text, LineText.wordRight(text, caret)));
            case DELETE_BACK -> {
                if (text.isEmpty()) {
                    step.state = step.state.withOverlay(Overlay.NONE); // as vim: Backspace on an empty line leaves it
                } else {
                    edit(step, line, LineText.deleteBack(text, caret));
                }
            }
            case DELETE_FORWARD -> edit(step, line, LineText.deleteForward(text, caret));
            case KILL_TO_END -> edit(step, line, LineText.killToEnd(text, caret));
            case KILL_TO_START -> edit(step, line, LineText.killToStart(text, caret));
            case DELETE_WORD -> edit(step, line, LineText.deleteWord(text, caret));
            default -> { }
        }
    }

    /** File names for a Tab on a file argument: completes as for words. */
    static void files(Step step, Msg.FileNames names) {
        if (step.state.overlay() instanceof Overlay.Command c) {
            CommandLine line = c.line();
            int start = wordStart(line.text(), line.caret());
            String word = line.text().substring(start, line.caret());
            if (word.equals(names.word())) {
                offer(step, line, start, names.names(), false);
                return;
            }
            for (String prefix : Completions.BACKEND_PREFIXES) { // gguf:PATH, embedded:CORPUS
                if (word.equals(prefix + names.word())) {
                    offer(step, line, start, names.names().stream().map(n -> prefix + n).toList(), false);
                }
            }
        }
    }

    private static void run(Step step, String text) {
        step.state = step.state.withOverlay(Overlay.NONE);
        if (text.isBlank()) {
            return;
        }
        step.effect(new Effect.RememberCommand(text));
        Commands.run(step, text);
    }

    private static void complete(Step step, CommandLine line) {
        CommandLine.Completing k = line.completing();
        if (k != null && !k.candidates().isEmpty()) { // Tab again: the next candidate in place of the word
            int index = (k.index() + 1) % k.candidates().size();
            String word = k.candidates().get(index);
            String text = line.text().substring(0, k.wordStart()) + word + line.text().substring(line.caret());
            set(step, line.withCompleting(text, k.wordStart() + word.length(), new CommandLine.Completing(k.wordStart(), k.candidates(), index)));
            return;
        }
        String text = line.text();
        int start = wordStart(text, line.caret());
        String word = text.substring(start, line.caret());
        String before = text.substring(0, start).trim();
        List<String> words = before.isEmpty() ? List.of() : Arrays.asList(before.split("\\s+"));
        Completions.Candidates next = Completions.after(words, word, line.themes(), line.backends());
        switch (next.kind()) {
            case WORDS -> offer(step, line, start, next.words(), true);
            case FILE -> step.effect(new Effect.ListFiles(word.substring(next.prefix().length())));
            case NONE -> { } // an argument with nothing to offer: Tab does nothing, as in a shell
        }
    }

    /** Completes the word at {@code start} from {@code candidates}: the one that fits, else their common start. */
    private static void offer(Step step, CommandLine line, int start, List<String> candidates, boolean spaceAfter) {
        String text = line.text();
        String word = text.substring(start, line.caret());
        List<String> fit = new ArrayList<>();
        for (String c : candidates) {
            if (c.startsWith(word)) {
                fit.add(c);
            }
        }
        String rest = text.substring(line.caret());
        if (fit.isEmpty()) {
            set(step, line.edited(text, line.caret()));
            return;
        }
        if (fit.size() == 1) {
            String only = fit.get(0);
            // a directory or a prefix (embedded:, gguf:) is continued, not ended
            String tail = spaceAfter && !only.endsWith("/") && !only.endsWith(":") && !rest.startsWith(" ") ? " " : "";
            set(step, line.edited(text.substring(0, start) + only + tail + rest, start + only.length() + tail.length()));
            return;
        }
        String common = commonStart(fit);
        set(step, line.withCompleting(text.substring(0, start) + common + rest, start + common.length(),
                new CommandLine.Completing(start, fit, -1)));
    }

    private static String commonStart(List<String> words) {
        String common = words.get(0);
        for (String w : words) {
            int i = 0;
            while (i < common.length() && i < w.length() && common.charAt(i) == w.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        return common;
    }

    private static int wordStart(String text, int caret) {
        int at = caret;
        while (at > 0 && text.charAt(at - 1) != ' ') {
            at--;
        }
        return at;
    }

    private static void edit(Step step, CommandLine line, LineText.Edit e) {
        set(step, line.edited(e.text(), e.caret()));
    }

    private static void set(Step step, CommandLine line) {
        step.state = step.state.withOverlay(new Overlay.Command(line));
    }
}
