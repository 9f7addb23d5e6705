package dev.weft.tui;

import com.googlecode.lanterna.input.KeyType;
import dev.weft.tui.keys.KeySpec;

/**
 * The keys a user typed after ':' before the command-line reader was up: collected into the
 * line's text until Enter (submitted), Esc or C-c (cancelled). Other named keys are dropped.
 */
final class TypedAhead {
    private final StringBuilder text = new StringBuilder();
    private boolean submitted;
    private boolean cancelled;

    /** Takes the key into the line; false once the line is finished (the key belongs after it). */
    boolean accept(KeySpec key) {
        if (!isOpen()) {
            return false;
        }
        if (key.type() == KeyType.Enter) {
            submitted = true;
        } else if (key.type() == KeyType.Escape || (key.ctrl() && key.character() == 'c')) {
            cancelled = true;
        } else if (key.type() == KeyType.Backspace) {
            if (text.length() > 0) {
                text.setLength(text.length() - 1);
            }
        } else if (key.type() == KeyType.Character && !key.ctrl() && !key.alt()) {
            text.append(key.character());
        }
        return true;
    }

    boolean isOpen() {
        return !submitted && !cancelled;
    }

    boolean isSubmitted() {
        return submitted;
    }

    boolean isCancelled() {
        return cancelled;
    }

    String text() {
        return text.toString();
    }
}
