package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags, notes and visited state to and from socketteer/loom's tree files: loom keeps a node's
 * {@code tags} (each declared in the file's {@code tags} table, model.py tag_node), its
 * {@code notes} (a list, model.py update_note writes the first) and {@code visited} (set when a
 * node is selected; a node without it is unvisited: node.get("visited", False) in tree_vis.py).
 */
class LoomMarksTest {
    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A tree as loom saves one: a visited root, a visited child with tags and a note, and an unvisited one. */
    private static final String LOOM_FILE = """
            {"root": {"id": "r", "text": "Once", "visited": true, "meta": {"source": "prompt"}, "children": [
              {"id": "a", "parent_id": "r", "text": " upon", "visited": true, "meta": {"source": "AI"},
               "tags": ["bookmark", "pinned", "odd one"], "notes": ["too formal", ""], "children": []},
              {"id": "b", "parent_id": "r", "text": " more", "meta": {"source": "AI"}, "tags": [], "children": []}
            ]}, "selected_node_id": "a", "tags": {}}
            """;

    @Test
    void importCarriesTagsNotesAndUnvisitedNodes() throws Exception {
        Path file = dir.resolve("tree.json");
        Files.writeString(file, LOOM_FILE);
        ImportedTree tree = TreeImport.read(file, NOW);
        assertEquals(NodeMarks.NONE, tree.nodes().get(0).marks());
        assertEquals(new NodeMarks(List.of("pinned"), "too formal", false), tree.nodes().get(1).marks());
        assertTrue(tree.nodes().get(1).bookmarked());
        assertEquals(NodeMarks.NONE.withUnread(true), tree.nodes().get(2).marks(), "no visited: unvisited");
        assertEquals(List.of("not carried over: 1 tags \"odd one\" (not one word)"), tree.warnings());

        try (SessionStore store = SessionStore.openOrCreate(dir.resolve("s.json"))) {
            List<NodeId> ids = TreeImport.record(tree, store);
            assertEquals(List.of("pinned"), store.loom().node(ids.get(1)).marks().tags());
            assertTrue(store.loom().node(ids.get(2)).marks().unread());
        }
    }

    @Test
    void aFileThatNeverSaysVisitedHasNothingUnread() throws Exception {
        Path file = dir.resolve("tree.json");
        Files.writeString(file, LOOM_FILE.replace("\"visited\": true, ", ""));
        ImportedTree tree = TreeImport.read(file, NOW);
        tree.nodes().forEach(n -> assertEquals(false, n.marks().unread()));
    }

    @Test
    void exportWritesThemAsLoomDoesAndImportBringsThemBack() throws Exception {
        Loom loom = Loom.empty();
        Loom.Result root = loom.addRoot(TokenRun.unscored("Once"));
        Loom.Result a = root.loom().append(root.node(), TokenRun.unscored(" upon"), Origin.MODEL, null);
        Loom.Result b = a.loom().append(root.node(), TokenRun.unscored(" more"), Origin.MODEL, null);
        loom = b.loom().mark(a.node(), new NodeMarks(List.of("keep", "template"), "word for word", false))
                .mark(b.node(), NodeMarks.NONE.withUnread(true));
        Session session = new Session(Instant.EPOCH, Instant.EPOCH, 0, SessionBackends.NONE, SessionView.START, loom);
        ObjectNode out = LoomJsonExport.of(session);

        var first = out.get("root").get("children").get(0);
        assertEquals("[\"keep\",\"template\"]", first.get("tags").toString());
        assertEquals("[\"word for word\"]", first.get("notes").toString());
        assertTrue(first.get("visited").asBoolean());
        assertEquals(false, out.get("root").get("children").get(1).get("visited").asBoolean());
        assertEquals("node", out.get("tags").get("keep").get("scope").asText(), "declared, as loom's tag_node needs");
        assertTrue(out.get("tags").has("bookmark"), "the file's table replaces loom's defaults: bookmark stays");

        Path exported = dir.resolve("out.loom.json");
        new ObjectMapper().writeValue(exported.toFile(), out);
        ImportedTree back = TreeImport.read(exported, NOW);
        assertEquals(new NodeMarks(List.of("keep", "template"), "word for word", false), back.nodes().get(1).marks());
        assertEquals(NodeMarks.NONE.withUnread(true), back.nodes().get(2).marks());
        assertEquals(List.of(), back.warnings());
    }
}
