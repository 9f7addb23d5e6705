package dev.weft.replay;

import dev.weft.analysis.AnalysisSummary;
import dev.weft.loom.Alternative;
import dev.weft.loom.DisplayText;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.session.BackendUse;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a recording in words: what kind of thing happened, to which node, which nodes it
 * made, and a line a person can read. Text from the session is made terminal-safe and shortened.
 *
 * @param kind    prompt, completion, stream, finish, split, join, swap, edit, text, score, delete,
 *                restore, bookmark, view, backend, dist or sweep
 * @param node    the node the step is about; null for a backend change or a view of an empty tree
 * @param created the nodes the step added, in id order
 * @param text    one line describing the step
 */
public record StepSummary(String kind, NodeId node, List<NodeId> created, String text) {
    private static final int PREVIEW = 40;
    /** The view setting that says which view or overlay the loom showed (tui ShownView). */
    private static final String OPEN = "open";

    public StepSummary {
        created = List.copyOf(created);
    }

    /** Describes {@code entry}, which took {@code before} to {@code after}. */
    public static StepSummary of(JournalEntry entry, Session before, Session after) {
        List<NodeId> created = new ArrayList<>();
        for (int id = before.loom().nextId(); id < after.loom().nextId(); id++) {
            created.add(new NodeId(id));
        }
        if (entry instanceof JournalEntry.ViewChange v) {
            return view(v.view(), before.view());
        }
        if (entry instanceof JournalEntry.AnalysisRun r) {
            return new StepSummary(r.record().kind(), r.record().node(), created, AnalysisSummary.of(r.record()));
        }
        if (entry instanceof JournalEntry.BackendUsed b) {
            BackendUse use = b.use();
            return new StepSummary("backend", null, created, "requests go to " + use.backend() + " · "
                    + DisplayText.token(use.model()) + " (profile " + DisplayText.token(use.profile()) + ")");
        }
        LoomAction action = ((JournalEntry.Action) entry).action();
        return action(action, before.loom(), after.loom(), created);
    }

    private static StepSummary action(LoomAction action, Loom before, Loom after, List<NodeId> created) {
        NodeId made = created.isEmpty() ? null : created.get(created.size() - 1);
        if (action instanceof LoomAction.AddRoot a) {
            return new StepSummary("prompt", made, created, "prompt " + made + " " + quote(a.tokens()));
        }
        if (action instanceof LoomAction.Append a) {
            return append(a, made, created);
        }
        if (action instanceof LoomAction.Extend a) {
            return new StepSummary("stream", a.node(), created, a.node() + " +" + count(a.tokens().size(), "token")
                    + " " + quote(a.tokens()));
        }
        if (action instanceof LoomAction.Finish a) {
            return new StepSummary("finish", a.node(), created, a.node() + " finished (" + a.reason().label() + "), "
                    + count(after.node(a.node()).tokens().size(), "token"));
        }
        if (action instanceof LoomAction.Split a) {
            return new StepSummary("split", a.node(), created, "split " + a.node() + " before token " + a.index()
                    + ": " + made + " takes " + quote(after.node(made).tokens()));
        }
        if (action instanceof LoomAction.Join a) {
            return new StepSummary("join", a.node(), created, "joined " + a.node() + " with its child: "
                    + quote(after.node(a.node()).tokens()));
        }
        if (action instanceof LoomAction.Swap a) {
            TokenRun run = before.node(a.node()).tokens();
            Alternative chosen = run.alternative(a.index(), a.alternative());
            return new StepSummary("swap", a.node(), created, "swap at " + a.node() + " token " + a.index() + ": "
                    + quote(run.piece(a.index()).text()) + " → " + quote(chosen.text())
                    + String.format(Locale.ROOT, " (p %.2f)", chosen.probability()) + " = " + made
                    + (created.size() > 1 ? ", splitting " + a.node() : ""));
        }
        if (action instanceof LoomAction.Perturb a) {
            String original = before.node(a.node()).text();
            String replaced = original.substring(a.start(), a.end());
            return new StepSummary("edit", a.node(), created, "edit of " + a.node() + ": " + quote(replaced) + " → "
                    + quote(a.replacement()) + " = " + made + (a.keepTail() ? " (text after it kept)" : ""));
        }
        if (action instanceof LoomAction.Rescore a) {
            NodeFigures figures = NodeFigures.of(a.tokens());
            return new StepSummary("score", a.node(), created, "scored " + a.node() + ": "
                    + count(a.tokens().size(), "token") + meanProbability(figures));
        }
        if (action instanceof LoomAction.Delete a) {
            return new StepSummary("delete", a.node(), created, "deleted " + a.node() + " and its subtree");
        }
        if (action instanceof LoomAction.Undelete a) {
            return new StepSummary("restore", a.node(), created, "restored " + a.node());
        }
        if (action instanceof LoomAction.Mark a) {
            return new StepSummary("mark", a.node(), created, marks(a));
        }
        LoomAction.Bookmark a = (LoomAction.Bookmark) action;
        return new StepSummary("bookmark", a.node(), created, (a.on() ? "bookmarked " : "unbookmarked ") + a.node());
    }

    private static String marks(LoomAction.Mark a) {
        NodeMarks m = a.marks();
        StringBuilder out = new StringBuilder(a.node().toString());
        out.append(m.unread() ? " unread" : " read");
        out.append(m.tags().isEmpty() ? " · no tags" : " · tags " + DisplayText.token(String.join(" ", m.tags())));
        if (!m.note().isEmpty()) {
            out.append(" · note ").append(quote(m.note()));
        }
        return out.toString();
    }

    private static StepSummary append(LoomAction.Append a, NodeId made, List<NodeId> created) {
        Generation g = a.generation();
        if (a.origin() == Origin.PICKED) {
            StringBuilder ranks = new StringBuilder();
            for (int i = 0; i < a.tokens().size(); i++) {
                ranks.append(i == 0 ? "" : ",").append(Origin.rank(a.tokens(), i));
            }
            return new StepSummary("picked", made, created, "picked " + made + " under " + a.parent()
                    + " from the multiverse" + (g == null ? "" : " of " + DisplayText.token(g.model())) + ": "
                    + count(a.tokens().size(), "token") + " " + quote(a.tokens()) + " · ranks " + ranks);
        }
        if (a.origin() != Origin.MODEL || g == null) {
            return new StepSummary("text", made, created, a.origin().label() + " text " + made + " under " + a.parent()
                    + " " + quote(a.tokens()));
        }
        SamplingParams p = g.params();
        // an imported generation may not say its parameters: never show the placeholder as a fact
        String settings = (g.knows("temperature") ? "T=" + number(p.temperature()) : "T unknown")
                + (p.seed() == null || !g.knows("seed") ? "" : " seed " + p.seed());
        if (a.tokens().isEmpty()) {
            return new StepSummary("completion", made, created, "completion " + made + " under " + a.parent()
                    + " requested from " + DisplayText.token(g.model()) + " at " + settings);
        }
        return new StepSummary("completion", made, created, "completion " + made + " under " + a.parent() + " from "
                + DisplayText.token(g.model()) + " at " + settings + ": " + count(a.tokens().size(), "token") + " "
                + quote(a.tokens()) + meanProbability(NodeFigures.of(a.tokens())) + " · " + g.finish().label());
    }

    private static StepSummary view(SessionView view, SessionView previous) {
        List<String> changed = new ArrayList<>();
        view.settings().forEach((key, value) -> {
            if (key.equals(OPEN) && !value.equals(previous.settings().get(key))) {
                int space = value.indexOf(' ');
                changed.add(0, DisplayText.token(space < 0 ? value : value.substring(0, space)) + " open");
            } else if (!value.equals(previous.settings().get(key))) {
                changed.add(DisplayText.token(key) + "=" + DisplayText.token(value));
            }
        });
        previous.settings().keySet().stream().filter(key -> !view.settings().containsKey(key))
                .forEach(key -> changed.add(key.equals(OPEN) ? "back to the read view" : "no " + DisplayText.token(key)));
        String where = view.current() == null ? "view: empty tree"
                : "view at " + view.current() + " token " + view.cursor();
        return new StepSummary("view", view.current(), List.of(), where
                + (changed.isEmpty() ? "" : " · " + String.join(", ", changed)));
    }

    private static String meanProbability(NodeFigures figures) {
        return figures.scored() == 0 ? "" : String.format(Locale.ROOT, ", mean p %.2f", figures.meanProbability());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quote(TokenRun run) {
        return quote(run.text());
    }

    private static String quote(String text) {
        String safe = DisplayText.token(text);
        if (safe.length() <= PREVIEW) {
            return "\"" + safe + "\"";
        }
        int cut = Character.isHighSurrogate(safe.charAt(PREVIEW - 2)) ? PREVIEW - 2 : PREVIEW - 1;
        return "\"" + safe.substring(0, cut) + "…\"";
    }
}
