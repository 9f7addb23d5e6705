package dev.weft.session;

import dev.weft.loom.Interrupted;
import dev.weft.loom.Loom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > Integer.MAX_VALUE - 64) {
                return null;
            }
            SessionJournal.Contents journal = SessionJournal.read(SessionFormat.journalOf(file));
            byte[] bytes = Files.readAllBytes(file);
            int nodesAt = nodesArray(bytes);
            if (nodesAt < 0) {
                return null;
            }
            SessionReader.Head head = SessionReader.readHead(bytes, nodesAt, file.toString());
            if (head == null || head.nextId() < 0 || head.nextId() > bytes.length) {
                return null;
            }
            if (!journalKeepsTheTree(head, journal)) {
                return null;
            }
            OutlineNodes nodes = new OutlineNodes(bytes, nodesAt, head, previewChars);
            nodes.read();
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
        } catch (SessionException | IOException | RuntimeException e) { // OutlineNodes.Declined among them
            return null; // read whole, the file says what is wrong (or nothing is)
        }
    }

    /** The offset of the {@code [} of the {@code "nodes"} field written at the start of a line, or -1. */
    private static int nodesArray(byte[] bytes) {
        outer:
        for (int i = 0; i + NODES.length <= bytes.length; i++) {
            for (int k = 0; k < NODES.length; k++) {
                if (bytes[i + k] != NODES[k]) {
                    continue outer;
                }
            }
            int at = i + NODES.length;
            while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) {
                at++;
            }
            return at < bytes.length && bytes[at] == '[' ? at : -1;
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
