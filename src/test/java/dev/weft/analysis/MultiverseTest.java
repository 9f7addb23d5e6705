package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.analysis.NextTokens.NextToken;
import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Prompt;
import dev.weft.model.embedded.EmbeddedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiverseTest {
    /** Q → A .6, B .3, C .1; A → x .5, y .5; B → x .9, y .1; C → z 1. */
    private static final TableModel HAND_MADE = new TableModel(false)
            .after("Q", "A", 0.6, "B", 0.3, "C", 0.1)
            .after("QA", "x", 0.5, "y", 0.5)
            .after("QB", "x", 0.9, "y", 0.1)
            .after("QC", "z", 1.0);

    @Test
    void expandsTheTopKAboveTheFloorAndCountsWhatIsLeftOut() throws Exception {
        Multiverse m = MultiverseExpansion.expand(NextTokens.of(HAND_MADE), Prompt.of("Q"),
                new MultiverseSettings(2, 2, 0.05));
        assertEquals(List.of("A", "B"), texts(m.root().children()));
        MultiverseNode a = m.root().children().get(0);
        MultiverseNode b = m.root().children().get(1);
        assertEquals(0.6, a.pathProbability(), 1e-12);
        assertEquals(0.6, a.probability(), 1e-12);
        assertEquals(0.5, a.children().get(0).probability(), 1e-12);
        assertEquals(List.of("x", "y"), texts(a.children()));
        assertEquals(List.of("x"), texts(b.children()), "B→y has path probability .03, under the floor");
        assertEquals(0.27, b.children().get(0).pathProbability(), 1e-12);
        assertEquals(0.1 + 0.03, m.unexploredMass(), 1e-12, "C beyond the top 2, and B→y");
        assertEquals(5, m.nodeCount());
        assertEquals(3, m.modelCalls(), "the root, A and B; the depth-2 leaves are not asked");
        assertEquals(List.of(0.3, 0.3, 0.27), m.paths().stream().map(Multiverse.Path::probability).toList());
        assertEquals(List.of(List.of("A", "B"), List.of("x", "y", "x")),
                m.levels().stream().map(MultiverseTest::texts).toList());
    }

    @Test
    void zoomRenormalisesToTheBranch() throws Exception {
        Multiverse m = MultiverseExpansion.expand(NextTokens.of(HAND_MADE), Prompt.of("Q"),
                new MultiverseSettings(2, 2, 0.05));
        Multiverse b = m.zoom(List.of(1));
        assertEquals(List.of(Piece.of("B")), b.branch());
        assertEquals(0.3, b.branchProbability(), 1e-12);
        assertEquals(1, b.root().pathProbability(), 1e-12);
        assertEquals(0.9, b.root().children().get(0).pathProbability(), 1e-12);
        assertEquals(0.1, b.unexploredMass(), 1e-12);
        assertEquals(0.27, b.branchProbability() * b.paths().get(0).probability(), 1e-12, "absolute mass kept");
        Multiverse ay = m.zoom(List.of(0)).zoom(List.of(1));
        assertEquals(List.of(Piece.of("A"), Piece.of("y")), ay.branch(), "zooms compose");
        assertEquals(0.3, ay.branchProbability(), 1e-12);
        assertEquals(m.zoom(List.of(0)), m.zoom(List.of(0)).zoom(List.of()), "an empty walk stays");
        assertThrows(IllegalArgumentException.class, () -> m.zoom(List.of(2)));
    }

    @Test
    void aZeroFloorKeepsEveryTopKPathAndAnEndedTextIsALeaf() throws Exception {
        Multiverse m = MultiverseExpansion.expand(NextTokens.of(HAND_MADE), Prompt.of("Q"),
                new MultiverseSettings(3, 3, 0));
        assertEquals(3 + 5 + 0, m.nodeCount(), "QAx, QAy … have no entry: the model ends the text there");
        assertEquals(0.3 + 0.3 + 0.27 + 0.03 + 0.1, m.unexploredMass(), 1e-12,
                "a generic backend that ends the text shows nothing after it: all of it is unexplored");
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new MultiverseSettings(0, 5, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new MultiverseSettings(2, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new MultiverseSettings(2, 5, 1));
    }

    @Test
    void embeddedExpansionIsConsistentAndMatchesWhatGenerateReports() throws Exception {
        EmbeddedModel model = EmbeddedModels.europarl();
        Prompt prompt = Prompt.of("Mr President, I");
        Multiverse m = MultiverseExpansion.expand(NextTokens.of(model), prompt, new MultiverseSettings(3, 4, 0.001));
        assertTrue(m.nodeCount() > 10);
        checkMasses(m.root());
        double reached = m.paths().stream().mapToDouble(p -> p.probability() - last(p).prunedMass()).sum();
        assertEquals(1, reached + m.unexploredMass(), 1e-9, "every path reaches the depth, ends, or is unexplored");

        Token greedy = model.generate(prompt, SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(1)
                .withTopLogprobs(4)).get(0).tokens().get(0);
        List<MultiverseNode> first = m.root().children();
        for (int i = 0; i < first.size(); i++) {
            Alternative reported = greedy.top().get(i);
            assertEquals(reported.piece(), first.get(i).piece());
            assertEquals(reported.logprob(), first.get(i).logprob(), 1e-12);
        }
    }

    @Test
    void theEmbeddedModelShowsTheEndOfTextAsAFinishedLeaf() throws Exception {
        EmbeddedModel model = EmbeddedModels.europarl();
        Prompt announcement = Prompt.of("The vote will take place tomorrow at 12 noon.");
        List<NextToken> next = NextTokens.of(model).after(announcement, 3);
        assertTrue(next.get(0).endsText(), "this sentence most likely ends a Europarl document");
        assertFalse(next.get(1).endsText());
        assertEquals(List.of(), new ReportedNextTokens(model).after(announcement, 3),
                "a greedy generate call ends the text there and reports no alternatives");
        Multiverse m = MultiverseExpansion.expand(NextTokens.of(model), announcement, new MultiverseSettings(2, 3, 0));
        MultiverseNode end = m.root().children().get(0);
        assertTrue(end.endsText());
        assertTrue(end.children().isEmpty());
        assertEquals(0, end.unexploredMass());
    }

    private static void checkMasses(MultiverseNode node) {
        double children = 0;
        for (MultiverseNode child : node.children()) {
            assertEquals(node.pathProbability() * child.probability(), child.pathProbability(), 1e-12);
            children += child.pathProbability();
            checkMasses(child);
        }
        if (!node.children().isEmpty()) {
            assertEquals(node.pathProbability(), children + node.prunedMass(), 1e-12);
        }
    }

    private static MultiverseNode last(Multiverse.Path path) {
        return path.steps().get(path.steps().size() - 1);
    }

    private static List<String> texts(List<MultiverseNode> nodes) {
        return nodes.stream().map(n -> n.piece().text()).toList();
    }
}
