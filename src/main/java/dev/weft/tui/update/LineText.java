package dev.weft.tui.update;

/**
 * The readline edits fingers know, on a text and a caret (char offsets), shared by the inline
 * editor and the command line. Words are runs of letters and digits, as readline's M-b and
 * M-f see them; C-w deletes back to the previous white space, as readline's does.
 */
final class LineText {
    /** A text with its caret. */
    record Edit(String text, int caret) {}

    private LineText() {}

    static Edit killToEnd(String text, int caret) {
        return new Edit(text.substring(0, caret), caret);
    }

    static Edit killToStart(String text, int caret) {
        return new Edit(text.substring(caret), 0);
    }

    /** Deletes back to the previous white space (spaces just before the caret go with the word). */
    static Edit deleteWord(String text, int caret) {
        int from = caret;
        while (from > 0 && Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        return new Edit(text.substring(0, from) + text.substring(caret), from);
    }

    /** The start of the word before the caret. */
    static int wordLeft(String text, int caret) {
        int at = caret;
        while (at > 0 && !Character.isLetterOrDigit(text.charAt(at - 1))) {
            at--;
        }
        while (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    /** The end of the word after the caret. */
    static int wordRight(String text, int caret) {
        int at = caret;
        while (at < text.length() && !Character.isLetterOrDigit(text.charAt(at))) {
            at++;
        }
        while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    static Edit insert(String text, int caret, String s) {
        return new Edit(text.substring(0, caret) + s + text.substring(caret), caret + s.length());
    }

    static Edit deleteBack(String text, int caret) {
        if (caret == 0) {
            return new Edit(text, caret);
        }
        int from = text.offsetByCodePoints(caret, -1);
        return new Edit(text.substring(0, from) + text.substring(caret), from);
    }

    static Edit deleteForward(String text, int caret) {
        if (caret == text.length()) {
            return new Edit(text, caret);
        }
        int to = text.offsetByCodePoints(caret, 1);
        return new Edit(text.substring(0, caret) + text.substring(to), caret);
    }

    static int left(String text, int caret) {
        return caret == 0 ? 0 : text.offsetByCodePoints(caret, -1);
    }

    static int right(String text, int caret) {
        return caret == text.length() ? caret : text.offsetByCodePoints(caret, 1);
    }
}
