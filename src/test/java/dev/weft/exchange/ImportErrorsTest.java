package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign files are untrusted: whatever is wrong is one line naming the file and the JSON path. */
class ImportErrorsTest {
    @TempDir Path dir;

    private String error(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("in.json"), json);
        ImportException e = assertThrows(ImportException.class, () -> TreeImport.read(file, Instant.EPOCH));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void notJsonNamesTheLineAndColumn() throws Exception {
        assertEquals(":2:10: not JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                + " field name", error("{\"root\": {\"text\": \"a\",\n         }}"));
        assertEquals(": empty file", error(""));
    }

    @Test
    void anUnknownShapeSaysWhatWasExpected() throws Exception {
        assertEquals(": $: not a tree weft can import: expected a socketteer/loom tree (\"root\"), a logitloom tree"
                + " (\"isLogitLoomTreeVersion\") or an Exoloom export (\"loomType\": \"Exoloom\")",
                error("{\"nodes\": []}"));
    }

    @Test
    void loomTreesNameTheNodeAndField() throws Exception {
        assertEquals(": $.root.children[1]: missing \"text\"",
                error("{\"root\": {\"text\": \"p\", \"children\": [{\"text\": \"a\"}, {\"children\": []}]}}"));
        assertEquals(": $.root.children[0].children: expected an array",
                error("{\"root\": {\"text\": \"p\", \"children\": [{\"text\": \"a\", \"children\": {}}]}}"));
        assertEquals(": $.model_responses.r.completions[0].tokens[1].generatedToken.logprob: expected a number",
                error("{\"root\": {\"text\": \"p\", \"children\": [{\"text\": \"ab\", \"meta\": {\"source\": \"AI\"},"
                        + " \"generation\": {\"id\": \"r\", \"index\": 0}}]},"
                        + " \"model_responses\": {\"r\": {\"completions\": [{\"tokens\": ["
                        + "{\"generatedToken\": {\"token\": \"a\", \"logprob\": -1}},"
                        + "{\"generatedToken\": {\"token\": \"b\", \"logprob\": \"low\"}}]}]}}}"));
        assertEquals(": $.root.children[0].meta.generation.logprobs.token_logprobs: has 1 entries for 2 tokens",
                error("{\"root\": {\"text\": \"p\", \"children\": [{\"text\": \"ab\", \"meta\": {\"generation\":"
                        + " {\"logprobs\": {\"tokens\": [\"a\", \"b\"], \"token_logprobs\": [-1]}}}}]}}"));
    }

    @Test
    void logitloomAndExoloomToo() throws Exception {
        assertEquals(": $.isLogitLoomTreeVersion: logitloom tree version \"logit-loom-tree-v9\";"
                + " weft reads logit-loom-tree-v1",
                error("{\"isLogitLoomTreeVersion\": \"logit-loom-tree-v9\"}"));
        assertEquals(": $.roots[0].children[0]: missing \"logprob\"",
                error("{\"isLogitLoomTreeVersion\": \"logit-loom-tree-v1\", \"modelName\": \"m\", \"modelSettings\":"
                        + " {\"kind\": \"base\"}, \"roots\": [{\"text\": \"a\", \"logprob\": -1, \"children\":"
                        + " [{\"text\": \"b\", \"children\": []}]}]}"));
        assertEquals(": $.tree.nodes: no node \"7\", named as a child or the root",
                error("{\"loomType\": \"Exoloom\", \"schemaVersion\": 1, \"tree\": {\"rootNodeId\": 1, \"nodes\":"
                        + " {\"1\": {\"content\": \"x\", \"authorType\": \"USER\", \"childrenIds\": [7]}}}}"));
        assertEquals(": $.tree.nodes.1.authorType: expected \"USER\" or \"LLM\"",
                error("{\"loomType\": \"Exoloom\", \"schemaVersion\": 1, \"tree\": {\"rootNodeId\": 1, \"nodes\":"
                        + " {\"1\": {\"content\": \"x\", \"authorType\": \"BOT\", \"childrenIds\": []}}}}"));
        assertEquals(": $.tree.nodes.2: reached twice: the nodes do not form a tree",
                error("{\"loomType\": \"Exoloom\", \"schemaVersion\": 1, \"tree\": {\"rootNodeId\": 1, \"nodes\":"
                        + " {\"1\": {\"content\": \"x\", \"authorType\": \"USER\", \"childrenIds\": [2, 2]},"
                        + " \"2\": {\"content\": \"y\", \"authorType\": \"LLM\", \"childrenIds\": []}}}}"));
    }
}
