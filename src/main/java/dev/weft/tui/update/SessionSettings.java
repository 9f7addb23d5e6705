package dev.weft.tui.update;

import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.tui.state.Experiments;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Scroll;
import dev.weft.tui.state.Search;
import dev.weft.tui.state.TreeState;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UI settings a session file keeps beside the tree (its open-ended settings map), so that
 * reopening a session restores sampling and hoist as well as the node and cursor. The theme is
 * not among them: it belongs to the terminal (the config, the colour depth), so a session
 * opened elsewhere looks right there.
 */
public final class SessionSettings {
    static final String REFERENCE = "reference";
    static final String DEPTH = "multiverse-depth";
    static final String TOP = "multiverse-top-k";
    static final String FLOOR = "multiverse-floor";
    static final String VS = "vs";

    private SessionSettings() {}

    public static Map<String, String> of(UiState state) {
        SamplingParams p = state.settings().params();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("temperature", Double.toString(p.temperature()));
        out.put("top-p", Double.toString(p.topP()));
        out.put("top-k", Integer.toString(p.topK()));
        out.put("min-p", Double.toString(p.minP()));
        out.put("max-tokens", Integer.toString(p.maxTokens()));
        out.put("n", Integer.toString(p.n()));
        out.put("top-logprobs", Integer.toString(p.topLogprobs()));
        if (p.seed() != null) {
            out.put("seed", Long.toString(p.seed()));
        }
        if (state.tree().hoist() != null) {
            out.put("hoist", Integer.toString(state.tree().hoist().value()));
        }
        Experiments e = state.settings().experiments();
        if (e.reference() != null) {
            out.put(REFERENCE, Integer.toString(e.reference().value()));
        }
        if (!e.multiverse().equals(Experiments.DEFAULTS.multiverse())) {
            out.put(DEPTH, Integer.toString(e.multiverse().depth()));
            out.put(TOP, Integer.toString(e.multiverse().top()));
            out.put(FLOOR, Double.toString(e.multiverse().minProbability()));
        }
        if (!e.vs().equals(Experiments.EMBEDDED)) {
            out.put(VS, e.vs());
        }
        String open = ShownView.of(state);
        if (open != null) {
            out.put(ShownView.KEY, open);
        }
        return out;
    }

    /** Takes in a session that was opened: its loom, place and settings; what belonged to the old one is dropped. */
    static void opened(Step step, Msg.SessionOpened msg) {
        Map<String, String> s = msg.settings();
        TreeState tree = TreeState.INITIAL;
        NodeId hoist = nodeId(s.get("hoist"));
        if (hoist != null && msg.loom().contains(hoist)) {
            tree = tree.withHoist(hoist);
        }
        step.state = step.state.withLoom(msg.loom()).withFocus(msg.focus()).withSession(msg.name())
                .withView(View.READ).withOverlay(Overlay.NONE).withTree(tree).withSearch(Search.NONE)
                .withScroll(Scroll.TOP).withUndo(List.of())
                .withSettings(step.state.settings().withParams(params(s, step.state.settings().params()))
                        .withExperiments(experiments(s, msg.loom())));
        step.info(msg.loom().size() == 0 ? "new session " + msg.name() + " · i writes a prompt"
                : "opened " + msg.name() + " · " + msg.loom().size() + " nodes");
    }

    /** The convergence reference (when its node is still there) and the multiverse settings; defaults otherwise. */
    private static Experiments experiments(Map<String, String> s, Loom loom) {
        NodeId reference = nodeId(s.get(REFERENCE));
        MultiverseSettings m = Experiments.DEFAULTS.multiverse();
        try {
            m = new MultiverseSettings(Integer.parseInt(s.getOrDefault(DEPTH, Integer.toString(m.depth()))),
                    Integer.parseInt(s.getOrDefault(TOP, Integer.toString(m.top()))),
                    Double.parseDouble(s.getOrDefault(FLOOR, Double.toString(m.minProbability()))));
        } catch (IllegalArgumentException e) {
            // a hand-edited value out of range: the defaults, as for sampling
        }
        return new Experiments(reference != null && loom.contains(reference) ? reference : null, m, s.get(VS));
    }

    private static NodeId nodeId(String text) {
        try {
            return text == null ? null : new NodeId(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SamplingParams params(Map<String, String> s, SamplingParams fallback) {
        try {
            return new SamplingParams(
                    Double.parseDouble(s.getOrDefault("temperature", Double.toString(fallback.temperature()))),
                    Double.parseDouble(s.getOrDefault("top-p", Double.toString(fallback.topP()))),
                    Integer.parseInt(s.getOrDefault("top-k", Integer.toString(fallback.topK()))),
                    Double.parseDouble(s.getOrDefault("min-p", Double.toString(fallback.minP()))),
                    Integer.parseInt(s.getOrDefault("max-tokens", Integer.toString(fallback.maxTokens()))),
                    Integer.parseInt(s.getOrDefault("n", Integer.toString(fallback.n()))),
                    Integer.parseInt(s.getOrDefault("top-logprobs", Integer.toString(fallback.topLogprobs()))),
                    s.containsKey("seed") ? Long.valueOf(s.get("seed")) : fallback.seed(),
                    fallback.stop());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
