package dev.weft.replay;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Explores a session by script and journals it the way the loom TUI does: a generation adds its
 * n nodes empty, streams tokens in a few at a time, then finishes them; a prompt or an edit is
 * scored when the model can; every move of the cursor is a view entry. Tests and the example
 * sessions use it to make recordings that look like a person's.
 */
public final class Explorer {
    /** Tokens per streamed extend entry, as the TUI coalesces tokens that arrive together. */
    private static final int STREAM_CHUNK = 4;

    private final SessionStore store;
    private final LanguageModel model;
    private final Clock clock;

    public Explorer(SessionStore store, LanguageModel model, String profile, Clock clock) throws SessionException {
        this.store = store;
        this.model = model;
        this.clock = clock;
        store.recordBackend(new BackendUse(profile, model.backend(), model.model()));
    }

    public Loom loom() {
        return store.loom();
    }

    /** Writes a new prompt and scores it. */
    public NodeId prompt(String text) throws SessionException, ModelException {
        NodeId root = store.record(new LoomAction.AddRoot(TokenRun.unscored(text))).node();
        score(root);
        look(root, 0);
        return root;
    }

    /** Samples {@code params.n()} completions under {@code parent}, streamed into empty nodes. */
    public List<NodeId> generate(NodeId parent, SamplingParams params) throws SessionException, ModelException {
        SamplingParams capped = params.withTopLogprobs(model.capabilities().cappedTopLogprobs(params.topLogprobs()));
        Generation asked = new Generation(model.backend(), model.model(), capped, clock.instant(),
                FinishReason.RUNNING);
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < capped.n(); i++) {
            nodes.add(store.record(new LoomAction.Append(parent, TokenRun.EMPTY, Origin.MODEL, asked)).node());
        }
        List<Completion> completions = model.generate(Prompt.of(store.loom().pathRuns(parent)), capped);
        int longest = completions.stream().mapToInt(c -> c.tokens().size()).max().orElse(0);
        for (int from = 0; from < longest; from += STREAM_CHUNK) {
            for (int i = 0; i < nodes.size(); i++) {
                List<Token> tokens = completions.get(i).tokens();
                if (from < tokens.size()) {
                    TokenRun chunk = TokenRun.of(tokens.subList(from, Math.min(tokens.size(), from + STREAM_CHUNK)));
                    store.record(new LoomAction.Extend(nodes.get(i), chunk));
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            store.record(new LoomAction.Finish(nodes.get(i), completions.get(i).finish()));
        }
        look(nodes.get(0), 0);
        return nodes;
    }

    /** Regenerates from token {@code index} of {@code node}: the text before it stays, the rest gets n new siblings. */
    public List<NodeId> regenerateFrom(NodeId node, int index, SamplingParams params)
            throws SessionException, ModelException {
        store.record(new LoomAction.Split(node, index));
        return generate(node, params);
    }

    /** Branches at token {@code index} of {@code node} with the model's alternative {@code alternative}. */
    public NodeId swap(NodeId node, int index, int alternative) throws SessionException {
        NodeId swapped = store.record(new LoomAction.Swap(node, index, alternative)).node();
        look(swapped, 0);
        return swapped;
    }

    /** Rewrites {@code node}'s text from char {@code start} to its end, as the TUI's editor does; scores the edit. */
    public NodeId edit(NodeId node, int start, String replacement) throws SessionException, ModelException {
        int length = store.loom().node(node).text().length();
        NodeId edit = store.record(new LoomAction.Perturb(node, start, length, replacement, false)).node();
        score(edit);
        look(edit, 0);
        return edit;
    }

    /** A candidate continuation typed under {@code parent} and scored: one bar of a distribution. */
    public NodeId candidate(NodeId parent, String text) throws SessionException, ModelException {
        int end = store.loom().node(parent).text().length();
        NodeId branch = store.record(new LoomAction.Perturb(parent, end, end, text, false)).node();
        score(branch);
        return branch;
    }

    public void bookmark(NodeId node) throws SessionException {
        store.record(new LoomAction.Bookmark(node, true));
    }

    public void look(NodeId node, int cursor) throws SessionException {
        store.recordView(store.view().at(node, cursor));
    }

    private void score(NodeId id) throws SessionException, ModelException {
        Node node = store.loom().node(id);
        if (!model.capabilities().scoresText() || node.tokens().isEmpty()) {
            return;
        }
        List<TokenRun> before = node.parent() == null ? List.of() : store.loom().pathRuns(node.parent());
        TokenRun scored = TokenRun.of(model.score(Prompt.of(before), node.text(),
                model.capabilities().cappedTopLogprobs(SamplingParams.DEFAULTS.topLogprobs())).tokens());
        store.record(new LoomAction.Rescore(id, scored));
    }
}
