package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.analysis.Diversity;
import dev.weft.loom.NodeFigures;

/** The JSON shapes of the collapse figures: a set of texts' diversity, a run's per-token figures. */
final class DiversityJson {
    private DiversityJson() {}

    static ObjectNode of(Diversity d) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("samples", d.samples());
        number(o, "distinct_1", d.distinct1());
        number(o, "distinct_2", d.distinct2());
        number(o, "mean_edit_distance", d.meanEditDistance());
        o.put("modal_first_sentence", d.modalFirstSentence());
        number(o, "modal_first_sentence_share", d.modalFirstSentenceShare());
        return o;
    }

    static ObjectNode of(NodeFigures f) {
        ObjectNode o = TokenJson.MAPPER.createObjectNode();
        o.put("scored_tokens", f.scored());
        number(o, "mean_logprob", f.meanLogprob());
        number(o, "share_above_0_99", f.shareConfident());
        number(o, "mean_top_k_entropy_nats", f.meanEntropy());
        return o;
    }

    static void number(ObjectNode o, String field, double value) {
        if (Double.isNaN(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
