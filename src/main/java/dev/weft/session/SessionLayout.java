package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;

/**
 * The session file's layout: containers the writer marks with {@link #expandNext} get one entry
 * per line (the file, the node list, each node, its token list), every other container stays
 * on one line (a token, a generation). So a file reads and diffs one token per line while the
 * writer still streams. On a generator without this layout (a journal line) marking is a no-op.
 */
final class SessionLayout implements PrettyPrinter {
    private static final int INDENT = 2;
    private static final int DEPTHS = 16;
    private static final SerializedString SPACED = new SerializedString(": ");
    private static final SerializedString TIGHT = new SerializedString(":");

    /** A newline and the indentation of each depth, pre-encoded: a million tokens each end a line. */
    private final SerializedString[] newlines = new SerializedString[DEPTHS];
    private final SerializedString nameValueSeparator;
    private final boolean compact;

    /** Version 1's layout: indented, a space after each separator. */
    SessionLayout() {
        this(false);
    }

    /** Compact (version 2): no indentation and no spaces; expanded containers still one entry per line. */
    SessionLayout(boolean compact) {
        this.compact = compact;
        this.nameValueSeparator = compact ? TIGHT : SPACED;
        for (int depth = 0; depth < DEPTHS; depth++) {
            newlines[depth] = new SerializedString("\n" + (compact ? "" : " ".repeat(depth * INDENT)));
        }
    }

    /** Whether each open container, outermost first, is expanded. */
    private boolean[] expanded = new boolean[DEPTHS];
    private int depth;
    private boolean expandNext;

    static void expandNext(JsonGenerator g) {
        if (g.getPrettyPrinter() instanceof SessionLayout layout) {
            layout.expandNext = true;
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        breakLine(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(nameValueSeparator);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        separate(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        breakLine(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        separate(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, ']', values);
    }

    private void open(JsonGenerator g, char bracket) throws IOException {
        if (depth == expanded.length) {
            expanded = Arrays.copyOf(expanded, depth * 2);
        }
        expanded[depth++] = expandNext;
        expandNext = false;
        g.writeRaw(bracket);
    }

    private void close(JsonGenerator g, char bracket, int entries) throws IOException {
        depth--;
        if (expanded[depth] && entries > 0) {
            newline(g);
        }
        g.writeRaw(bracket);
    }

    /** Before the first entry: a new line when expanded, nothing when inline. */
    private void breakLine(JsonGenerator g) throws IOException {
        if (expanded[depth - 1]) {
            newline(g);
        }
    }

    private void separate(JsonGenerator g) throws IOException {
        if (expanded[depth - 1]) {
            newline(g);
        } else if (!compact) {
            g.writeRaw(' ');
        }
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw(newlines[Math.min(depth, DEPTHS - 1)]);
    }
}
