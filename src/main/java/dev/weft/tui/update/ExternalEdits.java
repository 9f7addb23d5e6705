package dev.weft.tui.update;

import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Utf8;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import java.util.List;

/**
 * {@code E}: the text from the cursor to the end of the path, in the user's editor. What comes
 * back is an edit branch, as {@code i} makes, from the first changed character (in whichever
 * node it falls) to the end of the edited text; the original path stays.
 */
final class ExternalEdits {
    private ExternalEdits() {}

    static void open(Step step) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            step.effect(new Effect.EditExternally(new EditTarget.NewRoot(), ""));
            return;
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        Utf8.Decoded decoded = Utf8.decode(node.tokens().bytes());
        int start = decoded.charAt()[node.tokens().byteOffsets()[cursor - path.start(k)]];
        StringBuilder original = new StringBuilder(decoded.text().substring(start));
        for (int i = k + 1; i < path.nodeCount(); i++) {
            original.append(text(path.node(i)));
        }
        NodeId last = path.node(path.nodeCount() - 1).id();
        step.effect(new Effect.EditExternally(new EditTarget.PerturbToEnd(node.id(), start, original.toString(), last),
                original.toString()));
    }

    static void edited(Step step, Msg.ExternallyEdited msg) {
        if (step.state.overlay() != Overlay.NONE) {
            step.state = step.state.withOverlay(Overlay.NONE);
        }
        if (msg.target() instanceof EditTarget.NewRoot) {
            Edits.commit(step, new Overlay.Editor(msg.target(), withoutAddedNewline("", msg.text()), 0));
            return;
        }
        if (!(msg.target() instanceof EditTarget.PerturbToEnd p) || !step.state.loom().contains(p.last())) {
            step.error("the text edited is no longer in the loom: nothing changed");
            return;
        }
        String text = withoutAddedNewline(p.original(), msg.text());
        if (text.equals(p.original())) {
            step.info("no change");
            return;
        }
        int same = Edits.commonPrefix(p.original(), text);
        List<Node> stretch = stretch(step, p);
        // the node where the first change falls, and where in its text
        int offset = same;
        int k = 0;
        int from = p.start();
        while (k < stretch.size() - 1 && offset >= text(stretch.get(k)).length() - from) {
            offset -= text(stretch.get(k)).length() - from;
            from = 0;
            k++;
        }
        Node node = stretch.get(k);
        int at = from + offset;
        NodeId edit = step.apply(new LoomAction.Perturb(node.id(), at, text(node).length(), text.substring(same), false)).node();
        int end = ReadPath.of(step.state.loom(), edit).size();
        step.state = step.state.withFocus(new Focus(edit, Math.max(0, end - 1)));
        Edits.score(step, edit);
        step.info("edit branch " + edit + " beside the original (from $EDITOR) · g regenerates from its end");
    }

    /** The nodes from the edited one to the path's end. */
    private static List<Node> stretch(Step step, EditTarget.PerturbToEnd p) {
        List<Node> path = step.state.loom().path(p.last());
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).id().equals(p.node())) {
                return path.subList(i, path.size());
            }
        }
        return List.of(step.state.loom().node(p.node()));
    }

    private static String text(Node node) {
        return Utf8.decode(node.tokens().bytes()).text();
    }

    /** Editors end a file with a newline (vim's fixeol); one the text did not have is not an edit. */
    static String withoutAddedNewline(String original, String text) {
        return text.endsWith("\n") && !original.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
