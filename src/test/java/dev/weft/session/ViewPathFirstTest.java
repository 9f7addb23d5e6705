package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big session's first screen needs only the start of its file: the writer puts the view's path
 * first (its end, then each parent up to the root) and {@link SessionFile#readViewPath} reads
 * just that, as a loom of the path alone that reads the same text as the whole tree.
 */
class ViewPathFirstTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theViewsPathIsReadFromTheStartOfTheFileAlone() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Loom loom = RandomLooms.grow(seed, 60);
            NodeId end = deepest(loom);
            NodeId current = loom.path(end).get(loom.path(end).size() / 2).id(); // the cursor above the path's end
            SessionView view = SessionView.START.at(current, 0).withSetting(ViewPath.PATH_END, Integer.toString(end.value()));
            Path file = dir.resolve("s" + seed + ".json");
            SessionFile.write(file, new Session(AT, AT, 3, SessionBackends.NONE, view, loom));

            Session first = SessionFile.readViewPath(file);
            assertNotNull(first, "seed " + seed + ": the file starts with the view's path");
            List<NodeId> ids = new ArrayList<>();
            loom.path(end).forEach(n -> ids.add(n.id()));
            assertEquals(ids, ids(first.loom().path(end)), "seed " + seed);
            assertEquals(ids.size(), first.loom().size(), "seed " + seed + ": the path alone");
            assertEquals(loom.pathText(end), first.loom().pathText(end), "seed " + seed);
            for (Node n : loom.path(end)) {
                assertEquals(n.tokens(), first.loom().node(n.id()).tokens(), "seed " + seed + ": node " + n.id());
                assertEquals(n.generation(), first.loom().node(n.id()).generation());
            }
            assertEquals(view, first.view());
            assertEquals(3, first.journalSeq());
            assertEquals(loom.nextId(), first.loom().nextId());
            SessionAssertions.assertSameLoom(loom, SessionFile.read(file).loom()); // the whole file reads as before
        }
    }

    @Test
    void withoutAPathEndTheCurrentNodeEndsThePath() throws Exception {
        Loom loom = RandomLooms.grow(7, 40);
        NodeId end = deepest(loom);
        Path file = dir.resolve("s.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START.at(end, 0), loom));
        assertEquals(ids(loom.path(end)), ids(SessionFile.readViewPath(file).loom().path(end)));
    }

    @Test
    void aFileThatDoesNotStartWithThePathIsReadWhole() throws Exception {
        // version 1, and version 2 as first written (nodes in id order): no first screen of the path
        Path v1 = Path.of(getClass().getResource("example-v1.json").toURI());
        assertNull(SessionFile.readViewPath(v1));
        // version 2 as first written, nodes in id order: the example's view moved from its root to node 4
        Session example = SessionFile.read(Path.of(getClass().getResource("example-v2.json").toURI()));
        Path idOrder = dir.resolve("idorder.json");
        SessionFile.write(idOrder, new Session(AT, AT, 0, SessionBackends.NONE, example.view().at(new NodeId(0), 0),
                example.loom()));
        String text = Files.readString(idOrder);
        assertTrue(text.contains("\"view\":{\"current\":0,"));
        Files.writeString(idOrder, text.replace("\"view\":{\"current\":0,", "\"view\":{\"current\":4,"));
        assertEquals(4, SessionFile.read(idOrder).view().current().value());
        assertNull(SessionFile.readViewPath(idOrder));
        Path empty = dir.resolve("empty.json");
        SessionFile.write(empty, new Session(AT, AT, 0, SessionBackends.NONE, SessionView.START, Loom.empty()));
        assertNull(SessionFile.readViewPath(empty));
    }

    @Test
    void theFirstScreenBuildsOnlyThePiecesOfItsPath() throws Exception {
        // the piece table holds every token text of the tree; the path needs the first few, and
        // the rest are kept as written: a piece only a node off the path uses is not even checked
        Loom loom = Loom.empty();
        Loom.Result root = loom.addRoot(TokenRun.unscored("Hello"));
        Loom.Result onPath = root.loom().append(root.node(), TokenRun.unscored(" path"), Origin.EDIT, null);
        Loom.Result off = onPath.loom().append(root.node(), TokenRun.unscored(" elsewhere"), Origin.EDIT, null);
        Path file = dir.resolve("pieces.json");
        SessionFile.write(file, new Session(AT, AT, 0, SessionBackends.NONE,
                SessionView.START.at(onPath.node(), 0), off.loom()));
        String text = Files.readString(file);
        assertTrue(text.contains("\"pieces\":[\n\" path\",\n\"Hello\",\n\" elsewhere\"\n]"), text);
        Files.writeString(file, text.replace("\n\" elsewhere\"\n]", "\n[300]\n]"));

        Session first = SessionFile.readViewPath(file);
        assertNotNull(first);
        assertEquals("Hello path", first.loom().pathText(onPath.node()));
        SessionException whole = assertThrows(SessionException.class, () -> SessionFile.read(file));
        assertTrue(whole.getMessage().endsWith(":14:2: expected a byte of piece 2 to be an integer from 0 to 255"),
                whole.getMessage());
    }

    private static NodeId deepest(Loom loom) {
        NodeId best = loom.roots().get(0);
        for (Node n : loom.nodes()) {
            if (loom.path(n.id()).size() > loom.path(best).size()) {
                best = n.id();
            }
        }
        return best;
    }

    private static List<NodeId> ids(List<Node> nodes) {
        List<NodeId> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.id()));
        return out;
    }
}
