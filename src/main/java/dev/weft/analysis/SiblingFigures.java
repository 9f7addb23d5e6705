package dev.weft.analysis;

import dev.weft.loom.NodeFigures;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The collapse figures of a set of sibling texts: the per-token figures over all their tokens
 * together (confidence, top-k entropy), and how different the texts are from each other.
 */
public record SiblingFigures(NodeFigures pooled, Diversity diversity) {

    public static SiblingFigures of(List<TokenRun> siblings) {
        List<Token> all = new ArrayList<>();
        List<String> texts = new ArrayList<>(siblings.size());
        for (TokenRun run : siblings) {
            all.addAll(run.tokens());
            texts.add(run.text());
        }
        return new SiblingFigures(NodeFigures.of(TokenRun.of(all)), Diversity.of(texts));
    }
}
