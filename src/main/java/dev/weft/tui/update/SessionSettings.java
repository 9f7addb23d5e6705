package dev.weft.tui.update;

import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
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
                .withSettings(step.state.settings().withParams(params(s, step.state.settings().params())));
        step.info(msg.loom().size() == 0 ? "new session " + msg.name() + " · i writes a prompt"
                : "opened " + msg.name() + " · " + msg.loom().size() + " nodes");
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
