package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each foreign format read from a file written by hand to the layout its tool's source shows
 * (the files are under src/test/resources/dev/weft/exchange; each test names its source).
 */
class ImportFormatsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /**
     * socketteer/loom, current layout: model.py saves tree_raw_data (nested "root", an immutable
     * empty holder root from add_immutable_root, "tags", "selected_node_id", "generation_settings");
     * post_generation keeps each response in "model_responses" and the node points at it with
     * "generation": {"id", "index"}; gpt.py's format_openAI_token_dict and format_ai21_token_data
     * give the token list ("generatedToken", "position", "counterfactuals").
     */
    @Test
    void socketteerLoomWithModelResponses() throws Exception {
        ImportedTree tree = read("loom-model-responses.json");
        assertEquals("socketteer/loom", tree.format());
        List<ImportedNode> nodes = tree.nodes();
        assertEquals(List.of(-1, 0, 1, 0, 0, -1), nodes.stream().map(ImportedNode::parent).toList());
        assertEquals(List.of(Origin.PROMPT, Origin.MODEL, Origin.MODEL, Origin.EDIT, Origin.EDIT, Origin.PROMPT),
                nodes.stream().map(ImportedNode::origin).toList());
        assertEquals("Once upon a time,", nodes.get(0).tokens().text());

        ImportedNode rain = nodes.get(1);
        assertEquals(List.of(" the", " rain", " fell"), rain.tokens().tokens().stream().map(t -> t.text()).toList());
        assertEquals(-1.5, rain.tokens().logprob(1), 1e-6);
        assertEquals(List.of(alt(" sun", -1.0), alt(" rain", -1.5), alt(" snow", -2.5)),
                rain.tokens().alternatives(1));
        assertTrue(rain.bookmarked());
        Generation g = rain.generation();
        assertEquals("davinci-002", g.model());
        assertEquals(Instant.parse("2023-02-13T20:57:56Z"), g.at());
        assertEquals(FinishReason.LENGTH, g.finish());
        assertEquals(Generation.PARAMS, g.unknown(),
                "generation_settings are the file's settings when saved, not this generation's: nothing is known");

        TokenRun cafe = nodes.get(2).tokens();
        assertEquals(" café", cafe.text());
        assertFalse(cafe.piece(1).isComplete(), "the \\xc3 of é, written bytes:\\xc3 as OpenAI does");
        assertEquals(FinishReason.STOP, nodes.get(2).generation().finish());

        TokenRun dragon = nodes.get(3).tokens();
        assertEquals(List.of(" a", " dragon", " slept"), dragon.tokens().stream().map(t -> t.text()).toList(),
                "the generated tokens keep their scores; the text typed after them is unscored");
        assertEquals(-3.0, dragon.logprob(1), 1e-6);
        assertTrue(Double.isNaN(dragon.logprob(2)));
        assertEquals(List.of("$.root.children[0].children[1]: the node has text around its generated tokens (loom's"
                + " chat wrapping, a merge); that text is imported unscored",
                "not carried over: 3 creation times of nodes no model wrote"), tree.warnings());
        assertTrue(nodes.get(4).deleted(), "tag archived");
        assertEquals(2, tree.selected());
    }

    /** socketteer/loom, older layout: the OpenAI choice kept in meta.generation (model.py's generate_for_nodes). */
    @Test
    void socketteerLoomWithMetaGenerationLogprobs() throws Exception {
        ImportedTree tree = read("loom-meta-generation.json");
        assertEquals(2, tree.nodes().size());
        ImportedNode answer = tree.nodes().get(1);
        assertEquals(Origin.MODEL, answer.origin());
        assertEquals(" 42.", answer.tokens().text());
        assertEquals(List.of(alt(" 42", -0.7), alt(" 7", -1.9)), answer.tokens().alternatives(0));
        assertTrue(Double.isNaN(answer.tokens().logprob(1)), "a null logprob is unknown");
        assertEquals("davinci", answer.generation().model());
        assertEquals(FinishReason.STOP, answer.generation().finish());
        assertEquals(NOW, answer.generation().at(), "no creation time in the file");
    }

    /**
     * logitloom: save-load.ts's SerializedTree ("isLogitLoomTreeVersion": "logit-loom-tree-v1",
     * "modelName", "modelSettings", "roots") of logit-loom.ts's Token ({"id", "text", "logprob",
     * "prob", "branchFinished", "children"}); "branchFinished" is a boolean in early versions and
     * the finish reason or null later; "<|stop|>" is the pseudo-token of a branch that ended at once.
     */
    @Test
    void logitloomTree() throws Exception {
        ImportedTree tree = read("logitloom.ll.json");
        assertEquals("logitloom", tree.format());
        List<ImportedNode> nodes = tree.nodes();
        assertEquals(List.of("Name a colour.", " My answer:", " Blue.", " Red", ", obviously", "!"),
                nodes.stream().map(n -> n.tokens().text()).toList());
        assertEquals(List.of(-1, 0, 1, 1, 3, 3), nodes.stream().map(ImportedNode::parent).toList());
        assertEquals(List.of(Origin.PROMPT, Origin.EDIT, Origin.MODEL), nodes.stream().limit(3)
                .map(ImportedNode::origin).toList(), "the user's turn, then the assistant's prefill, then the model");
        assertEquals(List.of(alt(" Blue", -0.4), alt(" Red", -1.3)), nodes.get(2).tokens().alternatives(0));
        assertEquals(List.of(alt(",", -0.9), alt("!", -1.1)), nodes.get(5).tokens().alternatives(0));
        assertEquals(FinishReason.STOP, nodes.get(2).generation().finish());
        assertEquals(FinishReason.LENGTH, nodes.get(3).generation().finish());
        assertEquals("deepseek-chat", nodes.get(4).generation().model());
        assertEquals(List.of("$.modelSettings.systemPrompt: weft has no system prompt; it was left out"),
                tree.warnings());
    }

    /** logitloom, a base model (save-load.ts's modelSettings kind "base"): no roles, one root text. */
    @Test
    void logitloomBaseTreeHasOneRootText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("base.ll.json"), """
                {"isLogitLoomTreeVersion": "logit-loom-tree-v1", "modelName": "davinci-002",
                 "modelSettings": {"kind": "base", "prompt": "Once upon", "prefill": " a time"},
                 "roots": [{"id": "a", "text": ",", "logprob": -0.1, "prob": 0.9, "branchFinished": null,
                            "children": []}]}
                """);
        List<ImportedNode> nodes = TreeImport.read(file, NOW).nodes();
        assertEquals(List.of("Once upon a time", ","), nodes.stream().map(n -> n.tokens().text()).toList());
    }

    /**
     * Exoloom: its source is not public; the layout is what Tapestry Loom's migration assistant
     * reads (transkatgirl/Tapestry-Loom, migration-assistant/src/exoloom/mod.rs): "loomType",
     * "schemaVersion" 1, "tree" with "rootNodeId" and "nodes" by id ("content", "authorType"
     * USER or LLM, "authorName", "parentId", "childrenIds", "createdAt"), "lens" with bookmarks and
     * pruned nodes.
     */
    @Test
    void exoloomExport() throws Exception {
        ImportedTree tree = read("exoloom.json");
        List<ImportedNode> nodes = tree.nodes();
        assertEquals(List.of("It was a dark and stormy night;", " the rain fell in torrents",
                " — except at occasional intervals", " the wind howled"),
                nodes.stream().map(n -> n.tokens().text()).toList());
        assertEquals(List.of(Origin.PROMPT, Origin.MODEL, Origin.EDIT, Origin.MODEL),
                nodes.stream().map(ImportedNode::origin).toList());
        assertEquals("DeepSeek-R1-Zero", nodes.get(1).generation().model());
        assertEquals(Instant.parse("2025-01-24T10:01:00Z"), nodes.get(1).generation().at());
        assertTrue(nodes.get(1).bookmarked());
        assertTrue(nodes.get(3).deleted(), "pruned");
        assertEquals(List.of("not carried over: 1 creation times of nodes no model wrote, 1 names of human authors,"
                + " 1 tree title"), tree.warnings());
    }

    /** An alternative as the tree stores it: logprobs are floats. */
    private static Alternative alt(String text, double logprob) {
        return Alternative.of(text, (float) logprob);
    }

    private static ImportedTree read(String name) throws Exception {
        return TreeImport.read(resource(name), NOW);
    }

    static Path resource(String name) {
        try {
            return Path.of(ImportFormatsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
