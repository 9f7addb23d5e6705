package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts socketteer/loom wrote over its history, each in a small file written by hand to the
 * shape of a tree committed to that repository (named per test), read whole and reported once per cause.
 */
class LoomLayoutsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir Path dir;

    /**
     * The oldest layout (socketteer/loom data/prime_intellect.json at e6f11a7, 2021): no meta.source;
     * a generated node keeps OpenAI's choice in meta.generation (text, logprobs with tokens past the
     * stop sequence, finish_reason, model "davinci:2020-05-03", prompt); a split leaves meta.origin
     * "split (from child …)"; chapters, chapter_id and canonical around the nodes.
     */
    @Test
    void theOldestLayoutsGeneratedNodesAreModelNodes() throws Exception {
        ImportedTree tree = read("loom-oldest.json");
        List<ImportedNode> nodes = tree.nodes();
        assertEquals(List.of(Origin.PROMPT, Origin.MODEL, Origin.MODEL),
                nodes.stream().map(ImportedNode::origin).toList());
        ImportedNode book = nodes.get(1);
        assertEquals("davinci:2020-05-03", book.generation().model());
        assertEquals(FinishReason.STOP, book.generation().finish());
        assertFalse(book.generation().knows("temperature"), "generation_settings say 0.9 now, not then");
        assertEquals(" \u672c is a book.", book.tokens().text());
        assertEquals(6, book.tokens().size(), "the two newline tokens after the stop are not part of the text");
        assertArrayEquals(new byte[] {0x20, (byte) 0xe6}, book.tokens().piece(0).bytes(),
                "bytes: \\xe6 is a space written as itself, then 0xE6");
        assertEquals(-3.5, book.tokens().logprob(0), 1e-6);
        assertEquals(-0.02, book.tokens().logprob(1), 1e-6);
        assertEquals(1, tree.selected());
        assertEquals(List.of("$.root.children[1]: the node holds part of its generation (a cut at a stop sequence, a"
                        + " split); the tokens outside it are left out",
                "not carried over: 1 chapter marks on nodes, 1 chapters, 2 canonical"), tree.warnings());
    }

    /** A node cut out of the middle of its generation (after a split) keeps the tokens it holds whole. */
    @Test
    void aSplitNodeKeepsTheTokensItHolds() throws Exception {
        TokenRun nodded = read("loom-oldest.json").nodes().get(2).tokens();
        assertEquals(List.of(" nodded", "."), nodded.tokens().stream().map(t -> t.text()).toList());
        assertEquals(-1.5, nodded.logprob(0), 1e-6);
    }

    /**
     * Chat mode (socketteer/loom data/GPT_chat.json at d06d712): the node's text is "\nGPT-3:" +
     * the completion + "\nResearcher:" with meta.modified false; the tokens are the completion's.
     * Nothing was edited: the tokens keep their scores and the wrapping comes in unscored.
     */
    @Test
    void chatWrappingIsNotAnEdit() throws Exception {
        ImportedTree tree = read("loom-gpt-chat.json");
        TokenRun reply = tree.nodes().get(1).tokens();
        assertEquals("\nGPT-3: Good morning, sweetie.\nResearcher:", reply.text());
        assertEquals("\nGPT-3:", reply.piece(0).text());
        assertTrue(Double.isNaN(reply.logprob(0)));
        assertEquals(" Good", reply.piece(1).text());
        assertEquals(-8.63, reply.logprob(4), 1e-6);
        assertEquals("\nResearcher:", reply.piece(reply.size() - 1).text());
        assertEquals(Origin.EDIT, tree.nodes().get(2).origin(), "no source and no generation: written by hand");
        assertEquals(List.of("$.root.children[0]: the node has text around its generated tokens (loom's chat"
                + " wrapping, a merge); that text is imported unscored"), tree.warnings());
        assertFalse(tree.warnings().stream().anyMatch(w -> w.contains("edited")));
    }

    /**
     * A tree saved after two hoists (socketteer/loom loom/data/teleology.json at 022c725; model.py's
     * hoist and zip): the root is a mask whose masked_head holds everything above the hoisted node,
     * the tail's children moved under the mask. Every node comes in, and the hoist is kept.
     */
    @Test
    void aHoistedTreeImportsWholeAndStaysHoisted() throws Exception {
        ImportedTree tree = read("loom-hoisted.json");
        List<ImportedNode> nodes = tree.nodes();
        assertEquals(List.of("It is generally agreed that the sense of purpose", "\nTeleology",
                "\nTeleonomy is a novel concept", "\nA teleological characterization",
                "A second tree, hidden by the hoist", " and its child"),
                nodes.stream().map(n -> n.tokens().text()).toList());
        assertEquals(List.of(-1, 0, 1, 0, -1, 4), nodes.stream().map(ImportedNode::parent).toList());
        assertEquals(1, tree.hoist(), "the innermost hoist, \\nTeleology");
        assertEquals(1, tree.selected(), "the mask was selected: its tail is");
    }

    @Test
    void theHoistIsTheSessionsHoist() throws Exception {
        Path session = dir.resolve("hoisted.json");
        try (var store = dev.weft.session.SessionStore.openOrCreate(session)) {
            List<dev.weft.loom.NodeId> ids = TreeImport.record(read("loom-hoisted.json"), store);
            store.save();
            assertEquals(Integer.toString(ids.get(1).value()), store.view().settings().get("hoist"));
            assertEquals(6, store.loom().size());
        }
    }

    /** The same cause at many nodes is one line with a count and the first places. */
    @Test
    void warningsAreOneLinePerCause() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = json.createObjectNode();
        ObjectNode root = file.putObject("root");
        root.put("id", "r").put("text", "Start");
        ArrayNode children = root.putArray("children");
        for (int i = 0; i < 40; i++) {
            ObjectNode child = children.addObject();
            child.put("id", "n" + i).put("text", " more").put("parent_id", "r").putArray("children");
            child.putObject("generation").put("id", "gone-" + i).put("index", 0);
            child.putObject("meta").put("source", "AI");
            child.putArray("tags").add("demo tag");
        }
        file.putObject("model_responses");
        Path path = dir.resolve("many.json");
        json.writeValue(path.toFile(), file);
        List<String> warnings = TreeImport.read(path, NOW).warnings();
        assertEquals(List.of("no model_responses entry for the node's generation (loom keeps them in"
                        + " backups/model_responses-*.json after a cleanup); imported without token data (40 places:"
                        + " $.root.children[0].generation, $.root.children[1].generation,"
                        + " $.root.children[2].generation, …)",
                "not carried over: 40 tags \"demo tag\" (not one word)"), warnings);
    }

    private static ImportedTree read(String name) throws Exception {
        return TreeImport.read(ImportFormatsTest.resource(name), NOW);
    }
}
