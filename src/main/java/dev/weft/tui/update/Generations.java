package dev.weft.tui.update;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampling into the tree: a generation adds n empty model nodes at once (journaled), asks the
 * backend for completions, and fills the nodes as tokens stream back. Cancelling finishes the
 * nodes as cut at once and forgets the request, so anything that still arrives is dropped.
 */
final class Generations {
    private Generations() {}

    /** n new completions under {@code parent}; the read view follows the first. */
    static void start(Step step, NodeId parent) {
        start(step, parent, step.state.settings().params());
    }

    /** A digit of the basemode keys: {@code n} children now, the n setting left as it is. */
    static void startCount(Step step, NodeId parent, int n) {
        start(step, parent, step.state.settings().params().withN(n));
    }

    private static void start(Step step, NodeId parent, SamplingParams asked) {
        if (parent == null) {
            step.error("nothing to continue: move the cursor past the start, or write a prompt (i)");
            return;
        }
        String loading = ModelPickerKeys.loading(step.state);
        if (loading != null) {
            step.error("still loading " + loading + ": g once the status bar says so (o chooses another)");
            return;
        }
        Node from = step.state.loom().node(parent);
        if (from.generation() != null && from.generation().finish() == FinishReason.RUNNING) {
            step.error("this node is still arriving: wait, or Esc to cancel it first");
            return;
        }
        Backend backend = step.state.settings().backend();
        SamplingParams params = asked.withTopLogprobs(backend.capabilities().cappedTopLogprobs(asked.topLogprobs()));
        boolean once = params.n() > 1 && deterministic(backend, params);
        if (once) {
            params = params.withN(1);
        }
        Generation generation = new Generation(backend.kind(), backend.model(), params, step.now, FinishReason.RUNNING)
                .withUnknown(params.offAmong(backend.defaultedWhenOff()));
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < params.n(); i++) {
            nodes.add(step.apply(new LoomAction.Append(parent, TokenRun.EMPTY, Origin.MODEL, generation)).node());
            // unread until looked at (Tab goes to the next one); the read view follows the first
            if (i > 0 || step.state.view() == dev.weft.tui.state.View.TREE) {
                step.apply(new LoomAction.Mark(nodes.get(i), NodeMarks.NONE.withUnread(true)));
            }
        }
        long id = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Generating(parent, nodes)));
        step.effect(new Effect.Generate(id, Prompt.of(step.state.loom().pathRuns(parent)), params));
        int parentEnd = ReadPath.of(step.state.loom(), parent).size();
        step.state = step.state.withFocus(new Focus(nodes.get(0), Math.max(0, parentEnd - 1)));
        step.info(once
                ? "T=0 on " + backend.name() + " always gives the same text: sampling once, not " + asked.n() + " copies · Esc cancels"
                : "generating " + params.n() + (params.n() == 1 ? " completion" : " completions") + " of " + parent
                + " at T=" + Numbers.number(params.temperature()) + " · Esc cancels");
    }

    /** Regenerates from the token at path index {@code cursor}: the text before it stays, the rest gets n new siblings. */
    static void regenerateAt(Step step, int cursor) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.isEmpty()) {
            step.error("the loom is empty: i writes a prompt");
            return;
        }
        int k = path.nodeAt(cursor);
        regenerateFrom(step, path.node(k).id(), cursor - path.start(k));
    }

    /** n new continuations replacing token {@code index} of {@code id} and what follows (splitting the node there). */
    static void regenerateFrom(Step step, NodeId id, int index) {
        Node node = step.state.loom().node(id);
        if (index == 0) {
            start(step, node.parent());
            return;
        }
        if (index < node.tokens().size()) {
            step.apply(new LoomAction.Split(id, index));
        }
        start(step, id);
    }

    static void arrived(Step step, Msg.TokensArrived msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.Generating g) || msg.choice() >= g.nodes().size()) {
            return;
        }
        NodeId node = g.nodes().get(msg.choice());
        extendFollowing(step, node, TokenRun.of(msg.tokens()));
    }

    static void done(Step step, Msg.GenerationDone msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.Generating g)) {
            return;
        }
        int tokens = 0;
        for (int i = 0; i < g.nodes().size(); i++) {
            NodeId node = g.nodes().get(i);
            FinishReason finish = FinishReason.CUT;
            if (i < msg.completions().size()) {
                Completion c = msg.completions().get(i);
                int have = step.state.loom().node(node).tokens().size();
                if (c.tokens().size() > have) {
                    extendFollowing(step, node, TokenRun.of(c.tokens().subList(have, c.tokens().size())));
                }
                finish = c.finish() == FinishReason.RUNNING ? FinishReason.CUT : c.finish();
            }
            tokens += step.state.loom().node(node).tokens().size();
            finishIfRunning(step, node, finish);
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        List<NodeId> duplicates = greedyDuplicates(step, g.nodes());
        for (NodeId d : duplicates) {
            tokens -= step.state.loom().node(d).tokens().size();
        }
        if (!duplicates.isEmpty()) {
            Pruning.hide(step, duplicates);
        }
        int kept = g.nodes().size() - duplicates.size();
        step.info(kept + (kept == 1 ? " completion, " : " completions, ") + tokens + (tokens == 1 ? " token" : " tokens")
                + (duplicates.isEmpty() ? "" : " · T=0 gave " + duplicates.size() + (duplicates.size() == 1
                        ? " duplicate, merged" : " duplicates, merged") + " (u restores)")
                + (kept > 1 ? " · < > or s to compare" : "")
                + (sampledOnce(step, g) ? " · T=0 is deterministic here: sampled once, not "
                        + step.state.settings().params().n() + " copies" : ""));
    }

    /** A request of one node where n was asked, because the backend is deterministic at T=0. */
    private static boolean sampledOnce(Step step, Request.Generating g) {
        Generation generation = step.state.loom().node(g.nodes().get(0)).generation();
        return g.nodes().size() == 1 && step.state.settings().params().n() > 1
                && generation != null && generation.params().n() == 1 && generation.params().temperature() == 0;
    }

    /**
     * Whether n samples could only be n copies: greedy decoding (T=0) on a backend that computes
     * it exactly (the embedded model), or with a seed given.
     */
    static boolean deterministic(Backend backend, SamplingParams params) {
        return params.temperature() == 0 && (backend.capabilities().fullDistribution() || params.seed() != null);
    }

    /**
     * At T=0 the samples of one request that repeat an earlier one's text word for word (a server
     * that is not quite deterministic can still give variants, which stay). Only finished nodes.
     */
    private static List<NodeId> greedyDuplicates(Step step, List<NodeId> nodes) {
        List<NodeId> duplicates = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeId id : nodes) {
            Node node = step.state.loom().node(id);
            if (node.generation() == null || node.generation().params().temperature() != 0 || node.deleted()) {
                continue;
            }
            if (!seen.add(node.text()) && node.children().isEmpty()) {
                duplicates.add(id);
            }
        }
        return duplicates;
    }

    static void failed(Step step, Msg.GenerationFailed msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.Generating g)) {
            return;
        }
        for (NodeId node : g.nodes()) {
            finishIfRunning(step, node, FinishReason.CUT);
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        step.error("generation failed: " + msg.reason());
    }

    /** Cancels every generation in flight; true when there was one. */
    static boolean cancelAll(Step step) {
        boolean any = false;
        for (var e : step.state.requests().entrySet()) {
            if (e.getValue() instanceof Request.Generating g) {
                any = true;
                for (NodeId node : g.nodes()) {
                    finishIfRunning(step, node, FinishReason.CUT);
                }
                step.effect(new Effect.Cancel(e.getKey()));
                step.state = step.state.withRequests(step.state.requests().minus(e.getKey()));
            }
        }
        if (any) {
            step.info("cancelled: what arrived is kept, marked [cut]");
        }
        return any;
    }

    /** Extends a node; a cursor sitting on the last token of the path keeps to the end as it grows. */
    private static void extendFollowing(Step step, NodeId node, TokenRun more) {
        if (more.isEmpty()) {
            return;
        }
        Focus focus = step.state.focus();
        ReadPath before = ReadPath.of(step.state.loom(), focus.current());
        boolean follow = before.indexOf(node) >= 0 && focus.cursor() >= before.size() - 1;
        step.apply(new LoomAction.Extend(node, more));
        if (follow) {
            int size = ReadPath.of(step.state.loom(), focus.current()).size();
            step.state = step.state.withFocus(focus.withCursor(Math.max(0, size - 1)));
        }
    }

    private static void finishIfRunning(Step step, NodeId node, FinishReason reason) {
        Generation g = step.state.loom().node(node).generation();
        if (g != null && g.finish() == FinishReason.RUNNING) {
            step.apply(new LoomAction.Finish(node, reason));
        }
    }
}
