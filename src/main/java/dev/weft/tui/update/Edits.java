package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.model.Prompt;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import java.util.Arrays;
import java.util.List;

/**
 * Writing prompts and perturbing text. The editor holds the text of the cursor's node from the
 * cursor's token on; committing makes an edit branch beside the original (which stays) from
 * the first changed character, ending where the editor's text ends, ready to regenerate.
 */
final class Edits {
    private Edits() {}

    /** Opens the editor at the cursor, or on a new prompt when the loom is empty. */
    static void openAtCursor(Step step) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            openNewTree(step);
            return;
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        int index = cursor - path.start(k);
        Utf8.Decoded decoded = Utf8.decode(node.tokens().bytes());
        int start = decoded.charAt()[node.tokens().byteOffsets()[index]];
        String original = decoded.text().substring(start);
        EditTarget target = new EditTarget.Perturb(node.id(), start, original, cursor);
        step.state = step.state.withOverlay(new Overlay.Editor(target, original, 0));
    }

    static void openNewTree(Step step) {
        step.state = step.state.withOverlay(new Overlay.Editor(new EditTarget.NewRoot(), "", 0));
    }

    static void commit(Step step, Overlay.Editor editor) {
        step.state = step.state.withOverlay(Overlay.NONE);
        if (editor.target() instanceof EditTarget.Perturb p) {
            perturb(step, p, editor.text());
        } else {
            writePrompt(step, editor.text());
        }
    }

    private static void writePrompt(Step step, String text) {
        if (text.isEmpty()) {
            step.info("empty prompt: nothing written");
            return;
        }
        NodeId root = step.apply(new LoomAction.AddRoot(TokenRun.unscored(text))).node();
        step.state = step.state.withFocus(new Focus(root, 0));
        score(step, root);
        step.info("prompt written · g generates");
    }

    private static void perturb(Step step, EditTarget.Perturb p, String text) {
        if (text.equals(p.original())) {
            step.info("no change");
            return;
        }
        int same = commonPrefix(p.original(), text);
        Node node = step.state.loom().node(p.node());
        int nodeLength = Utf8.decode(node.tokens().bytes()).text().length();
        NodeId edit = step.apply(new LoomAction.Perturb(p.node(), p.start() + same, nodeLength,
                text.substring(same), false)).node();
        int end = ReadPath.of(step.state.loom(), edit).size();
        step.state = step.state.withFocus(new Focus(edit, Math.max(0, end - 1)));
        score(step, edit);
        step.info("edit branch " + edit + " beside the original · g regenerates from its end");
    }

    /** Asks the backend to score a node's typed text, so it gets colours and alternatives too. */
    static void score(Step step, NodeId id) {
        Loom loom = step.state.loom();
        Node node = loom.node(id);
        if (!step.state.settings().backend().capabilities().scoresText() || node.tokens().isEmpty()) {
            return;
        }
        List<TokenRun> before = node.parent() == null ? List.of() : loom.pathRuns(node.parent());
        long request = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(request, new Request.Scoring(id)));
        step.effect(new Effect.Score(request, id, Prompt.of(before), node.text(),
                step.state.settings().backend().capabilities().cappedTopLogprobs(step.state.settings().params().topLogprobs())));
    }

    /** Chars the two texts share at the start, never ending inside a surrogate pair. */
    static int commonPrefix(String a, String b) {
        int n = 0;
        int max = Math.min(a.length(), b.length());
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && n < a.length() && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    static void scored(Step step, Msg.Scored msg) {
        if (!(step.state.requests().get(msg.request()) instanceof Request.Scoring)) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (!step.state.loom().contains(msg.node())) {
            return;
        }
        TokenRun scored = TokenRun.of(msg.tokens());
        if (!Arrays.equals(scored.bytes(), step.state.loom().node(msg.node()).tokens().bytes())) {
            step.error("could not colour " + msg.node() + ": the backend's tokens spell different text");
            return;
        }
        int before = step.state.loom().node(msg.node()).tokens().size();
        Focus focus = step.state.focus();
        ReadPath path = ReadPath.of(step.state.loom(), focus.current());
        int k = path.indexOf(msg.node());
        // a typed prompt is one token until scored: a cursor at its end or past it (in a child
        // generated meanwhile) keeps its place in the text, where g continues
        boolean shift = k >= 0 && focus.cursor() >= path.start(k) + before - 1;
        step.apply(new LoomAction.Rescore(msg.node(), scored));
        if (shift) {
            step.state = step.state.withFocus(focus.withCursor(focus.cursor() + scored.size() - before));
        }
    }

    static void scoreFailed(Step step, Msg.ScoreFailed msg) {
        if (step.state.requests().get(msg.request()) instanceof Request.Scoring) {
            step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
            step.error("could not score the edit: " + msg.reason());
        }
    }
}
