package dev.weft.session;

import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Reads a session's {@link TreeOutline} without building its loom: the file's top-level fields and
 * tables as {@link SessionReader} reads them, its nodes straight from the bytes ({@link OutlineNodes}),
 * the tree's shape checked as {@link Loom#of} checks it, the journal's entries applied as
 * {@link SessionStore#openReadOnlyWithoutAlternatives} applies them. It answers only for what it can
 * vouch for: a version-2 file laid out as weft writes it (the nodes last), and a journal that does
 * not change the tree; for anything else, an error included, it answers null and the caller opens
 * the session as before, which gives the same lines or reports the error in its words.
 */
final class OutlineReader {
    private static final byte[] NODES = "\n\"nodes\":".getBytes(StandardCharsets.US_ASCII);

    private OutlineReader() {}

    /** The outline, or null when this reader does not take the session (see the class comment). */
    static TreeOutline read(Path file, int previewChars) {
        return read(file, previewChars, SPLIT);
    }

    /** As {@link #read(Path, int)}, reading a nodes array of more than {@code split} bytes in two halves at once. */
    static TreeOutline read(Path file, int previewChars, int split) {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (!Files.isRegularFile(file) || size > Integer.MAX_VALUE - 64) {
                return null;
            }
            SessionJournal.Contents journal = SessionJournal.read(SessionFormat.journalOf(file));
            // the start of the file first, up to its nodes: when the journal changes the tree, nothing more is read
            byte[] bytes = new byte[(int) Math.min(size, 1 << 20)];
            int have = 0;
            int nodesAt;
            while (true) {
                have = readFully(channel, bytes, have);
                nodesAt = nodesArray(bytes, have);
                if (nodesAt >= 0 || have == size) {
                    break;
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(size, 4L * bytes.length));
            }
            if (nodesAt < 0) {
                return null;
            }
            SessionReader.Head head = SessionReader.readHead(bytes, nodesAt, file.toString());
            if (head == null || head.nextId() < 0 || head.nextId() > size) {
                return null;
            }
            if (!journalKeepsTheTree(head, journal)) {
                return null;
            }
            bytes = Arrays.copyOf(bytes, (int) size);
            if (readFully(channel, bytes, have) != size || channel.read(ByteBuffer.allocate(1)) != -1) {
                return null; // the file changed size while read
            }
            OutlineNodes nodes = nodes(bytes, nodesAt, head, previewChars, split);
            if (nodes == null) {
                return null;
            }
            bytes = null; // the file's bytes are not needed past here
            if (!isForest(nodes, head.roots().stream().mapToInt(r -> r.value()).toArray())) {
                return null;
            }
            List<String> warnings = new ArrayList<>(journal.warnings());
            if (nodes.running() > 0) {
                warnings.add(Interrupted.notice(nodes.running()));
            }
            int[] roots = head.roots().stream().mapToInt(r -> r.value()).toArray();
            return new TreeOutline(roots, nodes.byId(), List.copyOf(warnings));
        } catch (SessionException | IOException | InterruptedException | RuntimeException e) { // JsonBytes.Declined among them
            return null; // read whole, the file says what is wrong (or nothing is)
        }
    }

    /**
     * The nodes read, a big array in two halves at once (the second from the first element that
     * starts on a line after the middle; the first half must end exactly there), or null when either
     * declines.
     */
    private static OutlineNodes nodes(byte[] bytes, int nodesAt, SessionReader.Head head, int previewChars, int split)
            throws InterruptedException {
        OutlineNodes first = new OutlineNodes(bytes, head, previewChars);
        int middle = bytes.length - nodesAt > split ? elementOnALine(bytes, nodesAt + (bytes.length - nodesAt) / 2) : -1;
        if (middle < 0) {
            first.readStart(nodesAt, -1);
            return first;
        }
        OutlineNodes second = new OutlineNodes(bytes, head, previewChars);
        RuntimeException[] failed = new RuntimeException[1];
        Thread other = new Thread(() -> {
            try {
                second.readFrom(middle);
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "weft-outline");
        other.setDaemon(true);
        other.start();
        RuntimeException mine = null;
        try {
            first.readStart(nodesAt, middle);
        } catch (RuntimeException e) {
            mine = e;
        }
        other.join();
        if (mine != null || failed[0] != null) {
            return null;
        }
        first.merge(second);
        return first;
    }

    /** Nodes arrays bigger than this are read in two halves at once. */
    private static final int SPLIT = 1 << 20;

    /** The offset of the first {@code {} at the start of a line (after white space) from {@code from}, or -1. */
    private static int elementOnALine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int at = i + 1;
                while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r')) {
                    at++;
                }
                if (at < bytes.length && bytes[at] == '{') {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Fills {@code bytes} from {@code from} on, up to the end of the file; returns how many it holds. */
    private static int readFully(FileChannel channel, byte[] bytes, int from) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // more
        }
        return buffer.position();
    }

    /** The offset of the {@code [} of the {@code "nodes"} field written at the start of a line in the first {@code length} bytes, or -1. */
    private static int nodesArray(byte[] bytes, int length) {
        outer:
        for (int i = 0; i + NODES.length <= length; i++) {
            for (int k = 0; k < NODES.length; k++) {
                if (bytes[i + k] != NODES[k]) {
                    continue outer;
                }
            }
            int at = i + NODES.length;
            while (at < length && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) {
                at++;
            }
            return at < length && bytes[at] == '[' ? at : -1;
        }
        return -1;
    }

    /**
     * Whether the journal's entries after the file's leave the tree as the file has it: view, backend
     * and analysis entries, applied as opening applies them (one that would not apply says no).
     */
    private static boolean journalKeepsTheTree(SessionReader.Head head, SessionJournal.Contents journal) {
        Session session = new Session(head.created(), head.saved(), head.journalSeq(), head.backends(), head.view(),
                Loom.empty(), head.analyses());
        for (JournalEntry entry : journal.entries()) {
            if (entry.seq() <= head.journalSeq()) {
                continue;
            }
            if (entry instanceof JournalEntry.Action) {
                return false;
            }
            session = session.apply(entry);
        }
        return true;
    }

    /** {@link Loom#of}'s checks: each root is a node without a parent, and every node is reached once through children that name their parent. */
    private static boolean isForest(OutlineNodes nodes, int[] roots) {
        var byId = nodes.byId();
        int[] parentOf = nodes.parentOf();
        BitSet seen = new BitSet();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int r : roots) {
            if (r >= byId.length || byId[r] == null || parentOf[r] != -1) {
                return false;
            }
            todo.push(r);
        }
        while (!todo.isEmpty()) {
            int id = todo.pop();
            if (seen.get(id)) {
                return false;
            }
            seen.set(id);
            for (int c : byId[id].children()) {
                if (c >= byId.length || byId[c] == null || parentOf[c] != id) {
                    return false;
                }
                todo.push(c);
            }
        }
        return seen.cardinality() == nodes.count();
    }
}
