package dev.weft.replay;

import dev.weft.loom.Alternative;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.replay.StepOutcome.Outcome;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Re-applies a recorded change that is not a model request to the new tree: the prompts and
 * text the user typed as they were, swaps and splits at the same token (see {@link Placement}),
 * edits over the same chars, scores by asking the new model. Each says how it went.
 */
final class Reapplication {
    /** What became of one change, in words. */
    record Result(Outcome outcome, String note) {}

    private final SessionStore target;
    private final Correspondence nodes;
    private final LanguageModel model;

    Reapplication(SessionStore target, Correspondence nodes, LanguageModel model) {
        this.target = target;
        this.nodes = nodes;
        this.model = model;
    }

    /** Re-applies {@code action}, which took the recorded tree from {@code before} to {@code after}. */
    Result apply(LoomAction action, Loom before, Loom after) throws SessionException, ModelException {
        List<NodeId> made = created(before, after);
        if (action instanceof LoomAction.AddRoot a) {
            NodeId root = record(a).node();
            nodes.pair(made.get(0), root);
            return same("prompt " + made.get(0) + " → " + root);
        }
        NodeId subject = subject(action);
        Optional<NodeId> partner = nodes.partner(subject);
        if (partner.isEmpty()) {
            made.forEach(n -> nodes.lose(n, "made by a skipped step"));
            return new Result(Outcome.SKIPPED, nodes.whyMissing(subject));
        }
        NodeId into = partner.get();
        try {
            return applyTo(action, into, before, after, made);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            made.forEach(n -> nodes.lose(n, "made by a skipped step"));
            return new Result(Outcome.SKIPPED, "does not apply to " + into + ": " + e.getMessage());
        }
    }

    private Result applyTo(LoomAction action, NodeId into, Loom before, Loom after, List<NodeId> made)
            throws SessionException, ModelException {
        if (action instanceof LoomAction.Append a) {
            NodeId node = record(new LoomAction.Append(into, a.tokens(), a.origin(), a.generation())).node();
            nodes.pair(made.get(0), node);
            return same(a.origin().label() + " text " + made.get(0) + " → " + node
                    + (a.origin() == Origin.MODEL ? " (copied: no request was recorded for it)" : ""));
        }
        if (action instanceof LoomAction.Split a) {
            return split(a, into, before);
        }
        if (action instanceof LoomAction.Swap a) {
            return swap(a, into, before, made);
        }
        if (action instanceof LoomAction.Perturb a) {
            return perturb(a, into, before, after, made);
        }
        if (action instanceof LoomAction.Rescore a) {
            return rescore(a, into);
        }
        record(retarget(action, into));
        return same(describeSimple(action, into));
    }

    private Result split(LoomAction.Split a, NodeId into, Loom before) throws SessionException {
        TokenRun now = target.loom().node(into).tokens();
        Placement at = Placement.ofToken(before.node(a.node()).tokens(), a.index(), now);
        if (at == null || at.index() == 0) {
            return new Result(Outcome.SKIPPED, "cannot split " + into + " of " + now.size() + " tokens before token "
                    + a.index());
        }
        NodeId suffix = record(new LoomAction.Split(into, at.index())).node();
        nodes.pair(new NodeId(before.nextId()), suffix);
        String note = "split " + into + " before token " + at.index() + " → " + suffix;
        return at.exact() ? same(note) : moved(note + " (the text before token " + a.index() + " differs)");
    }

    private Result swap(LoomAction.Swap a, NodeId into, Loom before, List<NodeId> made)
            throws SessionException {
        TokenRun was = before.node(a.node()).tokens();
        TokenRun now = target.loom().node(into).tokens();
        Placement at = Placement.ofToken(was, a.index(), now);
        if (at == null) {
            made.forEach(n -> nodes.lose(n, "made by a skipped swap"));
            return new Result(Outcome.SKIPPED, into + " has no token " + a.index() + " to swap (" + now.size()
                    + " tokens)");
        }
        Alternative wanted = was.alternative(a.index(), a.alternative());
        Placement choice = Placement.ofAlternative(wanted.piece(), a.alternative(), now, at.index());
        if (choice == null) {
            made.forEach(n -> nodes.lose(n, "made by a skipped swap"));
            return new Result(Outcome.SKIPPED, "the new model reported no alternatives at token " + at.index()
                    + " of " + into);
        }
        List<NodeId> ours = recordAndPair(new LoomAction.Swap(into, at.index(), choice.index()), made);
        String note = "swap at " + into + " token " + at.index() + " to " + quote(now.alternative(at.index(),
                choice.index()).text()) + " → " + ours.get(ours.size() - 1);
        if (at.exact() && choice.exact()) {
            return same(note);
        }
        return moved(note + (at.exact() ? "" : "; the text before token " + a.index() + " differs")
                + (choice.exact() ? "" : "; " + quote(wanted.text())
                        + " is not among the new model's alternatives there"));
    }

    private Result perturb(LoomAction.Perturb a, NodeId into, Loom before, Loom after, List<NodeId> made)
            throws SessionException {
        Placement.Span span = Placement.ofSpan(before.node(a.node()).tokens(), a.start(), a.end(),
                target.loom().node(into).tokens());
        List<NodeId> ours = recordAndPair(new LoomAction.Perturb(into, span.start(), span.end(), a.replacement(),
                a.keepTail()), made);
        NodeId edit = ours.get(ours.size() - 1);
        String recorded = after.node(made.get(made.size() - 1)).text();
        String now = target.loom().node(edit).text();
        String note = "edit of " + into + " chars " + span.start() + ".." + span.end() + " → " + edit;
        return recorded.equals(now) ? same(note)
                : moved(note + ", reading " + quote(now) + " where the recording's read " + quote(recorded));
    }

    private Result rescore(LoomAction.Rescore a, NodeId into) throws SessionException, ModelException {
        if (!model.capabilities().scoresText()) {
            return new Result(Outcome.SKIPPED, model.backend() + " cannot score text: " + into + " stays unscored");
        }
        Node node = target.loom().node(into);
        List<TokenRun> before = node.parent() == null ? List.of() : target.loom().pathRuns(node.parent());
        int alternatives = 0;
        for (int i = 0; i < a.tokens().size(); i++) {
            alternatives = Math.max(alternatives, a.tokens().alternativeCount(i));
        }
        TokenRun scored = TokenRun.of(model.score(Prompt.of(before), node.text(),
                model.capabilities().cappedTopLogprobs(alternatives)).tokens());
        if (!Arrays.equals(scored.bytes(), node.tokens().bytes())) {
            return new Result(Outcome.SKIPPED, "the new model's tokens spell other text than " + into);
        }
        record(new LoomAction.Rescore(into, scored));
        return same("scored " + into + " with the new model");
    }

    /**
     * Records a swap or edit and pairs what it made in both trees: the new branch with the recorded
     * one, and the suffix of a split with the suffix, when both trees had to split there.
     */
    private List<NodeId> recordAndPair(LoomAction action, List<NodeId> made) throws SessionException {
        Loom before = target.loom();
        List<NodeId> ours = created(before, record(action).loom());
        nodes.pair(made.get(made.size() - 1), ours.get(ours.size() - 1));
        if (made.size() == 2 && ours.size() == 2) {
            nodes.pair(made.get(0), ours.get(0));
        } else if (made.size() == 2) {
            nodes.lose(made.get(0), "the new tree did not split there");
        }
        return ours;
    }

    private Loom.Result record(LoomAction action) throws SessionException {
        return target.record(action);
    }

    private static List<NodeId> created(Loom before, Loom after) {
        return IntStream.range(before.nextId(), after.nextId()).mapToObj(NodeId::new).toList();
    }

    private static NodeId subject(LoomAction action) {
        if (action instanceof LoomAction.Append a) {
            return a.parent();
        }
        if (action instanceof LoomAction.Extend a) {
            return a.node();
        }
        if (action instanceof LoomAction.Finish a) {
            return a.node();
        }
        if (action instanceof LoomAction.Split a) {
            return a.node();
        }
        if (action instanceof LoomAction.Join a) {
            return a.node();
        }
        if (action instanceof LoomAction.Swap a) {
            return a.node();
        }
        if (action instanceof LoomAction.Perturb a) {
            return a.node();
        }
        if (action instanceof LoomAction.Rescore a) {
            return a.node();
        }
        if (action instanceof LoomAction.Delete a) {
            return a.node();
        }
        if (action instanceof LoomAction.Undelete a) {
            return a.node();
        }
        if (action instanceof LoomAction.Mark a) {
            return a.node();
        }
        return ((LoomAction.Bookmark) action).node();
    }

    /** The same change, made to {@code node}: the actions that name one node and carry nothing position-bound. */
    private static LoomAction retarget(LoomAction action, NodeId node) {
        if (action instanceof LoomAction.Extend a) {
            return new LoomAction.Extend(node, a.tokens());
        }
        if (action instanceof LoomAction.Finish a) {
            return new LoomAction.Finish(node, a.reason());
        }
        if (action instanceof LoomAction.Join) {
            return new LoomAction.Join(node);
        }
        if (action instanceof LoomAction.Delete) {
            return new LoomAction.Delete(node);
        }
        if (action instanceof LoomAction.Undelete) {
            return new LoomAction.Undelete(node);
        }
        if (action instanceof LoomAction.Mark m) {
            return new LoomAction.Mark(node, m.marks());
        }
        return new LoomAction.Bookmark(node, ((LoomAction.Bookmark) action).on());
    }

    private static String describeSimple(LoomAction action, NodeId node) {
        String verb = action instanceof LoomAction.Extend ? "extended "
                : action instanceof LoomAction.Finish ? "finished "
                : action instanceof LoomAction.Join ? "joined "
                : action instanceof LoomAction.Delete ? "deleted "
                : action instanceof LoomAction.Undelete ? "restored "
                : action instanceof LoomAction.Mark ? "tags, note and read state set on " : "bookmark set on ";
        return verb + node;
    }

    private static Result same(String note) {
        return new Result(Outcome.SAME, note);
    }

    private static Result moved(String note) {
        return new Result(Outcome.MOVED, note);
    }

    private static String quote(String text) {
        String safe = DisplayText.token(text);
        return "\"" + (safe.length() > 24 ? safe.substring(0, 23) + "…" : safe) + "\"";
    }
}
