package dev.weft.tui.update;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.tui.layout.Anchor;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.UiState;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags, notes and unread markers. A model node is unread from the moment it is made until its
 * text is on screen: the read view (or the siblings view) shows the path to it. Each change is a
 * journaled {@link LoomAction.Mark}, so all of it survives a crash.
 */
final class Marking {
    private Marking() {}

    /**
     * Marks read every unread node on the path the view now shows; called after each update in
     * which the shown path or the tree changed.
     */
    static void markShownRead(Step step, UiState before) {
        UiState s = step.state;
        if (s.view() == View.TREE || s.focus().current() == null || !s.loom().contains(s.focus().current())) {
            return;
        }
        if (s.loom() == before.loom() && s.focus().current().equals(before.focus().current())
                && s.view() == before.view()) {
            return;
        }
        ReadPath path = ReadPath.of(s.loom(), s.focus().current());
        List<Node> unread = new ArrayList<>();
        for (int k = 0; k < path.nodeCount(); k++) {
            if (path.node(k).marks().unread()) {
                unread.add(path.node(k));
            }
        }
        for (Node n : unread) {
            step.apply(new LoomAction.Mark(n.id(), n.marks().withUnread(false)));
        }
    }

    /** Tab: the next unread node after the anchor in tree order, wrapping; opened in the read view, selected in the tree. */
    static void nextUnread(Step step) {
        Loom loom = step.state.loom();
        NodeId from = step.state.view() == View.TREE ? step.state.tree().selected() : step.state.focus().current();
        List<NodeId> order = Family.preorder(loom);
        int start = from == null ? -1 : order.indexOf(from);
        NodeId next = null;
        int unread = 0;
        for (int i = 1; i <= order.size(); i++) {
            NodeId id = order.get(Math.floorMod(start + i, order.size()));
            if (loom.node(id).marks().unread()) {
                unread++;
                if (next == null) {
                    next = id;
                }
            }
        }
        if (next == null) {
            step.info("nothing unread: every generated node has been looked at");
            return;
        }
        NodeId lifted = null;
        if (step.state.view() == View.TREE) {
            lifted = TreeKeys.selectNode(step, next);
        } else {
            int startToken = ReadPath.of(loom, next).size() - loom.node(next).tokens().size();
            step.state = step.state.withFocus(new Focus(next, startToken));
        }
        int left = step.state.view() == View.TREE ? unread : unread - 1;
        step.info(TreeKeys.lifted("unread " + next + (left == 0 ? " · nothing else unread" : " · " + left
                + " more unread · Tab"), lifted));
    }

    /** {@code :tag WORD…}: adds the tags to the anchor node; with no words, says its tags. */
    static void tag(Step step, List<String> words) {
        Node node = anchor(step, ":tag");
        if (node == null) {
            return;
        }
        if (words.isEmpty()) {
            step.info(node.marks().tags().isEmpty() ? node.id() + " has no tags · :tag WORD adds one"
                    : node.id() + " tags: " + shown(node.marks().tags()) + " · :untag WORD removes one");
            return;
        }
        for (String word : words) {
            String problem = NodeMarks.tagProblem(word);
            if (problem != null) {
                step.error(":tag: " + problem);
                return;
            }
        }
        NodeMarks marks = node.marks().withTags(words);
        if (marks.equals(node.marks())) {
            step.info(node.id() + " already has " + shown(words));
            return;
        }
        step.apply(new LoomAction.Mark(node.id(), marks));
        step.info("tagged " + node.id() + ": " + shown(marks.tags()) + " · /tag:" + DisplayText.token(words.get(0))
                + " finds them");
    }

    /** {@code :untag WORD…}: removes the tags from the anchor node. */
    static void untag(Step step, List<String> words) {
        Node node = anchor(step, ":untag");
        if (node == null) {
            return;
        }
        List<String> missing = new ArrayList<>(words);
        missing.removeAll(node.marks().tags());
        if (!missing.isEmpty()) {
            step.error(":untag: " + node.id() + " has no tag " + shown(missing)
                    + (node.marks().tags().isEmpty() ? "" : " (its tags: " + shown(node.marks().tags()) + ")"));
            return;
        }
        NodeMarks marks = node.marks().withoutTags(words);
        step.apply(new LoomAction.Mark(node.id(), marks));
        step.info("removed " + shown(words) + " from " + node.id()
                + (marks.tags().isEmpty() ? "" : " · left: " + shown(marks.tags())));
    }

    /** {@code :note TEXT} sets the anchor node's note; {@code :note} alone shows it. */
    static void note(Step step, String text) {
        Node node = anchor(step, ":note");
        if (node == null) {
            return;
        }
        if (text.isEmpty()) {
            step.info(node.marks().note().isEmpty() ? node.id() + " has no note · :note TEXT writes one"
                    : node.id() + " note: " + DisplayText.token(node.marks().note()) + " · :unnote removes it");
            return;
        }
        step.apply(new LoomAction.Mark(node.id(), node.marks().withNote(text)));
        step.info((node.marks().note().isEmpty() ? "note on " : "note replaced on ") + node.id()
                + " · :note shows it, the tree marks it ※");
    }

    /** {@code :unnote}: removes the anchor node's note, saying what it said. */
    static void unnote(Step step) {
        Node node = anchor(step, ":unnote");
        if (node == null) {
            return;
        }
        if (node.marks().note().isEmpty()) {
            step.info(node.id() + " has no note");
            return;
        }
        step.apply(new LoomAction.Mark(node.id(), node.marks().withNote("")));
        step.info("note removed from " + node.id() + " (it said: " + DisplayText.token(node.marks().note()) + ")");
    }

    private static Node anchor(Step step, String command) {
        Node node = Anchor.of(step.state);
        if (node == null) {
            step.error(command + ": no node here (the loom is empty: i writes a prompt)");
        }
        return node;
    }

    private static String shown(List<String> tags) {
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add("#" + DisplayText.token(t)));
        return String.join(" ", out);
    }
}
