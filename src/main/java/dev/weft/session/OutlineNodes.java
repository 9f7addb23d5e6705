package dev.weft.session;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.Utf8;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code "nodes"} array of a version-2 session file (weft-session(5)) read straight from its
 * bytes, for {@link OutlineReader}: every check {@link CompactNodes#readNode} makes, but nothing built
 * beyond a node's {@link TreeOutline.Line} (the logprobs of its tokens summed, not its alternatives';
 * the bytes of its first tokens decoded, not all). It takes a narrower JSON than the file allows (no
 * escapes in field names, non-negative integers of at most 9 digits, canonical base64): anything else,
 * and any error, {@link Declined declines}, and the file is read whole, which reports it in its words.
 */
final class OutlineNodes {
    /** This reader does not take the bytes here: the file must be read whole. */
    static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    /** Longer strings are left to the whole read (the parser has a limit of its own). */
    private static final int LONGEST_STRING = 10_000_000;
    private static final byte[][] NAMES = names("id", "parent", "origin", "children", "bookmarked", "deleted",
            "generation", "tokens", "top", "alternatives", "logprobs", "tags", "note", "unread");
    private static final int ID = 0, PARENT = 1, ORIGIN = 2, CHILDREN = 3, BOOKMARKED = 4, DELETED = 5,
            GENERATION = 6, TOKENS = 7, TOP = 8, ALTERNATIVES = 9, LOGPROBS = 10, TAGS = 11, NOTE = 12, UNREAD = 13;
    /** The fields every node has (the marks are optional). */
    private static final int REQUIRED = (1 << TAGS) - 1;
    private static final byte[][] ORIGINS = names(Arrays.stream(Origin.values()).map(Origin::label).toArray(String[]::new));
    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final byte[] b;
    private int pos;
    private final PieceTable pieces;
    private final int pieceCount;
    /** Each piece's bytes, made when a node's text first needs them. */
    private final byte[][] pieceBytes;
    private final List<Generation> generations;
    /** Bytes of a node's text decoded for its preview: enough for the characters asked (see {@link #text}). */
    private final int textBudget;
    private final TreeOutline.Line[] byId;
    /** Each node's parent by id, -1 for a root. */
    private final int[] parentOf;
    private int count;
    /** Nodes whose generation was still running when the file was written. */
    private int running;

    // the node being read
    private int[] tokens = new int[64];
    private int tokenCount;
    private int[] children = new int[16];
    private int childCount;
    private byte[] text = new byte[256];

    /** @param previewChars the characters of each node's text that will be shown */
    OutlineNodes(byte[] file, SessionReader.Head head, int previewChars) {
        this.b = file;
        this.pieces = head.pieces();
        this.pieceCount = pieces.size();
        this.pieceBytes = new byte[pieceCount][];
        this.generations = head.generations();
        this.textBudget = 4 * (previewChars + 1) + 3;
        this.byId = new TreeOutline.Line[head.nextId()];
        this.parentOf = new int[head.nextId()];
    }

    /**
     * Reads the array from its {@code [} at {@code arrayAt}: its elements up to the one that starts at
     * {@code stopAt} (another reader reads from there, {@link #readFrom}), or, when {@code stopAt} is -1,
     * all of them, and checks that only the session object's end follows.
     */
    void readStart(int arrayAt, int stopAt) {
        pos = arrayAt;
        expect('[');
        if (skipSpace() == ']') {
            if (stopAt >= 0) {
                throw Declined.INSTANCE;
            }
            pos++;
            end();
            return;
        }
        elements(stopAt);
    }

    /** Reads the array's elements from the one that starts at {@code at} to the end, as {@link #readStart} does. */
    void readFrom(int at) {
        pos = at;
        elements(-1);
    }

    /** Takes the nodes another reader read (the array's other part); a node both read declines. */
    void merge(OutlineNodes other) {
        for (int id = 0; id < byId.length; id++) {
            if (other.byId[id] != null) {
                if (byId[id] != null) {
                    throw Declined.INSTANCE;
                }
                byId[id] = other.byId[id];
                parentOf[id] = other.parentOf[id];
            }
        }
        count += other.count;
        running += other.running;
    }

    private void elements(int stopAt) {
        while (true) {
            node();
            int c = skipSpace();
            pos++;
            if (c == ']') {
                if (stopAt >= 0) {
                    throw Declined.INSTANCE; // the other part does not start at an element
                }
                end();
                return;
            }
            if (c != ',') {
                throw Declined.INSTANCE;
            }
            if (stopAt >= 0 && skipSpace() >= 0 && pos >= stopAt) {
                if (pos != stopAt) {
                    throw Declined.INSTANCE;
                }
                return;
            }
        }
    }

    /** After the array: the session object's end, then nothing but white space. */
    private void end() {
        expect('}');
        if (skipSpace() != -1) {
            throw Declined.INSTANCE;
        }
    }

    TreeOutline.Line[] byId() {
        return byId;
    }

    int[] parentOf() {
        return parentOf;
    }

    int count() {
        return count;
    }

    int running() {
        return running;
    }

    private void node() {
        expect('{');
        int seen = 0;
        int id = -1;
        int parent = -1;
        Origin origin = null;
        boolean bookmarked = false;
        boolean deleted = false;
        int topCount = 0;
        long topSum = 0;
        int alternatives = 0;
        int logprobsStart = 0;
        int logprobsEnd = 0;
        tokenCount = 0;
        childCount = 0;
        if (skipSpace() == '}') {
            throw Declined.INSTANCE;
        }
        while (true) {
            int field = name();
            if ((seen & (1 << field)) != 0) {
                throw Declined.INSTANCE; // a field twice
            }
            seen |= 1 << field;
            expect(':');
            skipSpace();
            switch (field) {
                case ID -> id = number();
                case PARENT -> parent = isNull() ? -1 : number();
                case ORIGIN -> origin = Origin.values()[oneOf(ORIGINS)];
                case CHILDREN -> {
                    childCount = ints(Integer.MAX_VALUE, CHILDREN);
                }
                case BOOKMARKED -> bookmarked = bool();
                case DELETED -> deleted = bool();
                case GENERATION -> {
                    if (!isNull()) {
                        int g = number();
                        if (g >= generations.size()) {
                            throw Declined.INSTANCE;
                        }
                        if (generations.get(g).finish() == FinishReason.RUNNING) {
                            running++;
                        }
                    }
                }
                case TOKENS -> tokenCount = ints(pieceCount, TOKENS);
                case TOP -> {
                    topCount = ints(Integer.MAX_VALUE, TOP);
                    topSum = sum;
                }
                case ALTERNATIVES -> alternatives = ints(pieceCount, ALTERNATIVES);
                case LOGPROBS -> {
                    logprobsStart = pos + 1;
                    logprobsEnd = base64();
                }
                case TAGS -> {
                    expect('[');
                    if (skipSpace() == ']') {
                        pos++;
                        break;
                    }
                    do {
                        skipSpace();
                        if (NodeMarks.tagProblem(string()) != null) {
                            throw Declined.INSTANCE;
                        }
                    } while (nextElement());
                }
                case NOTE -> string();
                case UNREAD -> bool();
                default -> throw new IllegalStateException("field " + field);
            }
            int c = skipSpace();
            pos++;
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw Declined.INSTANCE;
            }
        }
        if ((seen & REQUIRED) != REQUIRED || id >= byId.length || byId[id] != null) {
            throw Declined.INSTANCE; // a field missing, an id not below next_id, an id twice
        }
        int n = tokenCount;
        if (topCount != 0 && topCount != n || topSum != alternatives) {
            throw Declined.INSTANCE;
        }
        int length = logprobsEnd - logprobsStart;
        int pads = length == 0 ? 0 : (b[logprobsEnd - 1] == '=' ? 1 : 0) + (b[logprobsEnd - 2] == '=' ? 1 : 0);
        long bytes = length / 4 * 3L - pads;
        if (bytes != 4L * (n + alternatives)) {
            throw Declined.INSTANCE;
        }
        int scored = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lp = Float.intBitsToFloat(word(logprobsStart, i));
            if (!Double.isNaN(lp)) { // as NodeFigures sums them, in order
                scored++;
                sum += lp;
            }
        }
        double mean = scored == 0 ? Double.NaN : sum / scored;
        byId[id] = new TreeOutline.Line(id, origin, Arrays.copyOf(children, childCount), bookmarked, deleted, n,
                scored, Math.exp(mean), text());
        parentOf[id] = parent;
        count++;
    }

    /**
     * The node's text from its first tokens: at least {@link #textBudget} bytes of them (or all). A
     * character begun within the first budget - 3 bytes decodes as in the whole text, so the first
     * (budget - 3) / 4 characters, one more than the preview shows, are the text's own.
     */
    private String text() {
        int length = 0;
        for (int i = 0; i < tokenCount && length < textBudget; i++) {
            int piece = tokens[i];
            byte[] bytes = pieceBytes[piece];
            if (bytes == null) {
                bytes = pieces.bytesOf(piece);
                pieceBytes[piece] = bytes;
            }
            if (length + bytes.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, length + bytes.length));
            }
            System.arraycopy(bytes, 0, text, length, bytes.length);
            length += bytes.length;
        }
        return Utf8.decode(text, 0, length).text();
    }

    /** Big-endian 32-bit word {@code i} of the base64 text starting at {@code start} (checked by {@link #base64}). */
    private int word(int start, int i) {
        int word = 0;
        for (int k = 4 * i; k < 4 * i + 4; k++) {
            int group = start + k / 3 * 4;
            int bits = BASE64[b[group]] << 18 | BASE64[b[group + 1]] << 12 | sextet(group + 2) << 6 | sextet(group + 3);
            word = word << 8 | (bits >>> (8 * (2 - k % 3))) & 0xff;
        }
        return word;
    }

    private int sextet(int at) {
        return b[at] == '=' ? 0 : BASE64[b[at]];
    }

    /**
     * Checks a base64 string (RFC 4648 with padding, as the writer writes it: no line breaks, no
     * bits set past the last byte) and returns the offset of its closing quote; the input stands on
     * the opening one.
     */
    private int base64() {
        expect('"');
        int start = pos;
        int end = start;
        byte[] b = this.b;
        int c;
        while ((c = b[end]) != '"') { // past the end of the file: an index out of bounds
            if (c < 0 || BASE64[c] < 0 && c != '=') {
                throw Declined.INSTANCE;
            }
            end++;
        }
        int length = end - start;
        if (length % 4 != 0 || length > LONGEST_STRING) {
            throw Declined.INSTANCE;
        }
        int pads = 0;
        for (int i = start; i < end; i++) {
            if (b[i] == '=') {
                pads = end - i;
                if (pads > 2 || pads == 2 && b[end - 1] != '=') {
                    throw Declined.INSTANCE;
                }
                break;
            }
        }
        if (pads > 0) {
            int last = BASE64[b[end - pads - 1]];
            if ((pads == 1 ? last & 0x3 : last & 0xf) != 0) {
                throw Declined.INSTANCE; // bits past the last byte
            }
        }
        pos = end + 1;
        return end;
    }

    /** The index of a field name this reader knows; the input stands on (or before) its quote. */
    private int name() {
        skipSpace();
        return oneOf(NAMES);
    }

    /** Which of {@code words} the string here is, exactly (no escapes); the input stands on its quote. */
    private int oneOf(byte[][] words) {
        expect('"');
        int start = pos;
        int end = start;
        while (end < b.length && b[end] != '"') {
            end++;
        }
        for (int w = 0; w < words.length; w++) {
            if (Arrays.equals(b, start, end, words[w], 0, words[w].length)) {
                pos = end + 1;
                return w;
            }
        }
        throw Declined.INSTANCE;
    }

    /** A JSON string's text, as the parser would give it; the input stands on its quote. */
    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        int start = pos;
        while (true) {
            if (pos >= b.length || pos - start > LONGEST_STRING) {
                throw Declined.INSTANCE;
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw Declined.INSTANCE;
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x80) {
                out.append((char) c);
                pos++;
            } else {
                int length = Utf8.sequenceLength((byte) c);
                if (length == 1 || pos + length > b.length) {
                    throw Declined.INSTANCE;
                }
                Utf8.Decoded one = Utf8.decode(b, pos, pos + length);
                if (!one.valid()) {
                    throw Declined.INSTANCE;
                }
                out.append(one.text());
                pos += length;
            }
        }
    }

    private void escape(StringBuilder out) {
        if (pos + 1 >= b.length) {
            throw Declined.INSTANCE;
        }
        int c = b[pos + 1];
        pos += 2;
        switch (c) {
            case '"', '\\', '/' -> out.append((char) c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (pos + 4 > b.length) {
                    throw Declined.INSTANCE;
                }
                int value = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(b[pos + k], 16);
                    if (digit < 0 || b[pos + k] < 0) {
                        throw Declined.INSTANCE;
                    }
                    value = value << 4 | digit;
                }
                out.append((char) value);
                pos += 4;
            }
            default -> throw Declined.INSTANCE;
        }
    }

    /**
     * An array of integers as {@link #number} reads them, each below {@code limit}; the input stands
     * on (or before) its {@code [}. Returns how many, their sum in {@link #sum}; keeps them in
     * {@link #tokens} or {@link #children} when {@code field} is one of those. One loop: the big
     * session has 6,000,000 of them. Past the end of the file it fails with an index out of bounds.
     */
    private int ints(int limit, int field) {
        expect('[');
        byte[] b = this.b;
        int p = pos;
        int n = 0;
        long total = 0;
        int c = b[p];
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            c = b[++p];
        }
        if (c == ']') {
            pos = p + 1;
            sum = 0;
            return 0;
        }
        while (true) {
            int start = p;
            int value = c - '0';
            if (value < 0 || value > 9) {
                throw Declined.INSTANCE;
            }
            c = b[++p];
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                c = b[++p];
            }
            int digits = p - start;
            if (digits > 9 || digits > 1 && b[start] == '0' || value >= limit) {
                throw Declined.INSTANCE; // not a small integer as the writer writes it, or out of range
            }
            if (field == TOKENS) {
                if (n == tokens.length) {
                    tokens = Arrays.copyOf(tokens, n * 2);
                }
                tokens[n] = value;
            } else if (field == CHILDREN) {
                if (n == children.length) {
                    children = Arrays.copyOf(children, n * 2);
                }
                children[n] = value;
            }
            n++;
            total += value;
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = b[++p];
            }
            if (c == ']') {
                pos = p + 1;
                sum = total;
                return n;
            }
            if (c != ',') {
                throw Declined.INSTANCE;
            }
            c = b[++p];
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = b[++p];
            }
        }
    }

    /** The sum of the integers {@link #ints} read last. */
    private long sum;

    /** A non-negative integer of at most 9 digits without leading zeros; the input stands on its first digit. */
    private int number() {
        int start = pos;
        int value = 0;
        while (pos < b.length) {
            int d = b[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = value * 10 + d;
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > 9 || digits > 1 && b[start] == '0') {
            throw Declined.INSTANCE;
        }
        if (pos < b.length && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            throw Declined.INSTANCE; // not an integer
        }
        return value;
    }

    /** After an array element: true at a comma (the next element follows), false at the array's end. */
    private boolean nextElement() {
        int c = skipSpace();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == ']') {
            return false;
        }
        throw Declined.INSTANCE;
    }

    private boolean isNull() {
        if (literal(NULL)) {
            return true;
        }
        return false;
    }

    private boolean bool() {
        if (literal(TRUE)) {
            return true;
        }
        if (literal(FALSE)) {
            return false;
        }
        throw Declined.INSTANCE;
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /** Consumes {@code word} when it stands here, followed by no letter or digit. */
    private boolean literal(byte[] word) {
        int end = pos + word.length;
        if (end > b.length || !Arrays.equals(b, pos, end, word, 0, word.length)) {
            return false;
        }
        if (end < b.length && Character.isLetterOrDigit(b[end])) {
            throw Declined.INSTANCE;
        }
        pos = end;
        return true;
    }

    private void expect(char c) {
        if (skipSpace() != c) {
            throw Declined.INSTANCE;
        }
        pos++;
    }

    /** Skips JSON whitespace; the byte now under the input, or -1 at the end. */
    private int skipSpace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return out;
    }
}
