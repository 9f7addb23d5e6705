package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.loom.Piece;
import dev.weft.model.LanguageModel;
import java.util.List;

/** The JSON shape of one multiverse run: the tree with every block's path probability. */
final class MultiverseJson {
    private MultiverseJson() {}

    static ObjectNode run(LanguageModel model, Multiverse multiverse, double seconds) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("backend", model.backend());
        o.put("model", model.model());
        ArrayNode branch = o.putArray("branch");
        for (Piece piece : multiverse.branch()) {
            branch.add(piece.text());
        }
        o.put("branch_probability", multiverse.branchProbability());
        o.put("unexplored_mass", multiverse.unexploredMass());
        o.put("nodes", multiverse.nodeCount());
        o.put("model_calls", multiverse.modelCalls());
        o.put("unexpanded", multiverse.unexpanded());
        o.put("seconds", seconds);
        o.set("tree", children(multiverse.root().children()));
        return o;
    }

    /** The figures and tree of an expansion the loom kept (weft stats --json). */
    static void kept(ObjectNode o, Multiverse multiverse) {
        o.put("depth", multiverse.settings().depth());
        o.put("top_k", multiverse.settings().top());
        o.put("floor", multiverse.settings().minProbability());
        o.put("unexplored_mass", multiverse.unexploredMass());
        o.put("nodes", multiverse.nodeCount());
        o.put("model_calls", multiverse.modelCalls());
        o.put("unexpanded", multiverse.unexpanded());
        o.set("tree", children(multiverse.root().children()));
    }

    private static ArrayNode children(List<MultiverseNode> nodes) {
        ArrayNode out = TokenJson.MAPPER.createArrayNode();
        for (MultiverseNode node : nodes) {
            ObjectNode o = out.addObject();
            o.put("text", node.piece().text());
            o.put("logprob", node.logprob());
            o.put("probability", node.probability());
            o.put("path_probability", node.pathProbability());
            o.put("ends_text", node.endsText());
            o.put("pruned_mass", node.prunedMass());
            o.set("children", children(node.children()));
        }
        return out;
    }
}
