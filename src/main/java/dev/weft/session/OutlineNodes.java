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
 * the bytes of its first tokens decoded, not all). It takes the narrower JSON of {@link JsonBytes}:
 * anything else, and any error, declines ({@link JsonBytes.Declined}), and the file is read whole,
 * which reports it in its words.
 */
final class OutlineNodes {
    private static final byte[][] NAMES = JsonBytes.names("id", "parent", "origin", "children", "bookmarked", "deleted",
            "generation", "tokens", "top", "alternatives", "logprobs", "tags", "note", "unread");
    private static final int ID = 0, PARENT = 1, ORIGIN = 2, CHILDREN = 3, BOOKMARKED = 4, DELETED = 5,
            GENERATION = 6, TOKENS = 7, TOP = 8, ALTERNATIVES = 9, LOGPROBS = 10, TAGS = 11, NOTE = 12, UNREAD = 13;
    /** The fields every node has (the marks are optional). */
    private static final int REQUIRED = (1 << TAGS) - 1;
    private static final byte[][] ORIGINS = JsonBytes.names(Arrays.stream(Origin.values()).map(Origin::label).toArray(String[]::new));
    private final JsonBytes json;
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
    private final JsonBytes.Ints tokens = new JsonBytes.Ints();
    private final JsonBytes.Ints children = new JsonBytes.Ints();
    private final JsonBytes.Ints counts = new JsonBytes.Ints();
    private byte[] text = new byte[256];

    /** @param previewChars the characters of each node's text that will be shown */
    OutlineNodes(byte[] file, SessionReader.Head head, int previewChars) {
        this.json = new JsonBytes(file);
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
        json.pos = arrayAt;
        json.expect('[');
        if (json.skipSpace() == ']') {
            if (stopAt >= 0) {
                throw JsonBytes.Declined.INSTANCE;
            }
            json.pos++;
            end();
            return;
        }
        elements(stopAt);
    }

    /** Reads the array's elements from the one that starts at {@code at} to the end, as {@link #readStart} does. */
    void readFrom(int at) {
        json.pos = at;
        elements(-1);
    }

    /** Takes the nodes another reader read (the array's other part); a node both read declines. */
    void merge(OutlineNodes other) {
        for (int id = 0; id < byId.length; id++) {
            if (other.byId[id] != null) {
                if (byId[id] != null) {
                    throw JsonBytes.Declined.INSTANCE;
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
            int c = json.skipSpace();
            json.pos++;
            if (c == ']') {
                if (stopAt >= 0) {
                    throw JsonBytes.Declined.INSTANCE; // the other part does not start at an element
                }
                end();
                return;
            }
            if (c != ',') {
                throw JsonBytes.Declined.INSTANCE;
            }
            if (stopAt >= 0 && json.skipSpace() >= 0 && json.pos >= stopAt) {
                if (json.pos != stopAt) {
                    throw JsonBytes.Declined.INSTANCE;
                }
                return;
            }
        }
    }

    /** After the array: the session object's end, then nothing but white space. */
    private void end() {
        json.expect('}');
        if (json.skipSpace() != -1) {
            throw JsonBytes.Declined.INSTANCE;
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
        json.expect('{');
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
        tokens.size = 0;
        children.size = 0;
        if (json.skipSpace() == '}') {
            throw JsonBytes.Declined.INSTANCE;
        }
        while (true) {
            int field = name();
            if ((seen & (1 << field)) != 0) {
                throw JsonBytes.Declined.INSTANCE; // a field twice
            }
            seen |= 1 << field;
            json.expect(':');
            json.skipSpace();
            switch (field) {
                case ID -> id = json.number();
                case PARENT -> parent = json.isNull() ? -1 : json.number();
                case ORIGIN -> origin = Origin.values()[json.oneOf(ORIGINS)];
                case CHILDREN -> json.ints(Integer.MAX_VALUE, children, true);
                case BOOKMARKED -> bookmarked = json.bool();
                case DELETED -> deleted = json.bool();
                case GENERATION -> {
                    if (!json.isNull()) {
                        int g = json.number();
                        if (g >= generations.size()) {
                            throw JsonBytes.Declined.INSTANCE;
                        }
                        if (generations.get(g).finish() == FinishReason.RUNNING) {
                            running++;
                        }
                    }
                }
                case TOKENS -> json.ints(pieceCount, tokens, true);
                case TOP -> {
                    topCount = json.ints(Integer.MAX_VALUE, counts, false);
                    topSum = counts.sum;
                }
                case ALTERNATIVES -> alternatives = json.ints(pieceCount, counts, false);
                case LOGPROBS -> {
                    logprobsStart = json.pos + 1;
                    logprobsEnd = json.base64();
                }
                case TAGS -> {
                    json.expect('[');
                    if (json.skipSpace() == ']') {
                        json.pos++;
                        break;
                    }
                    do {
                        json.skipSpace();
                        if (NodeMarks.tagProblem(json.string()) != null) {
                            throw JsonBytes.Declined.INSTANCE;
                        }
                    } while (json.nextElement());
                }
                case NOTE -> json.string();
                case UNREAD -> json.bool();
                default -> throw new IllegalStateException("field " + field);
            }
            int c = json.skipSpace();
            json.pos++;
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw JsonBytes.Declined.INSTANCE;
            }
        }
        if ((seen & REQUIRED) != REQUIRED || id >= byId.length || byId[id] != null) {
            throw JsonBytes.Declined.INSTANCE; // a field missing, an id not below next_id, an id twice
        }
        int n = tokens.size;
        if (topCount != 0 && topCount != n || topSum != alternatives) {
            throw JsonBytes.Declined.INSTANCE;
        }
        if (json.base64Length(logprobsStart, logprobsEnd) != 4L * (n + alternatives)) {
            throw JsonBytes.Declined.INSTANCE;
        }
        int scored = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lp = Float.intBitsToFloat(json.base64Word(logprobsStart, i));
            if (!Double.isNaN(lp)) { // as NodeFigures sums them, in order
                scored++;
                sum += lp;
            }
        }
        double mean = scored == 0 ? Double.NaN : sum / scored;
        byId[id] = new TreeOutline.Line(id, origin, Arrays.copyOf(children.values, children.size), bookmarked, deleted, n,
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
        for (int i = 0; i < tokens.size && length < textBudget; i++) {
            int piece = tokens.values[i];
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

    /** The index of a field name this reader knows; the input stands on (or before) its quote. */
    private int name() {
        json.skipSpace();
        return json.oneOf(NAMES);
    }

}
