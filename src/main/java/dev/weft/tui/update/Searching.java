package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.TextIndex;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Search;
import dev.weft.tui.state.View;
import java.util.List;
import java.util.Locale;

/**
 * Search over the text of every visible node (case-insensitive): {@code /} types a query, Enter
 * jumps to the first match after the current node, n and N step through the others.
 */
public final class Searching {
    private Searching() {}

    static void open(Step step) {
        step.state = step.state.withOverlay(new Overlay.SearchPrompt(""));
    }

    static void handle(Step step, Overlay.SearchPrompt prompt, Action action, KeySpec key) {
        if (action == null) {
            if (key.isText()) {
                step.state = step.state.withOverlay(new Overlay.SearchPrompt(prompt.query() + key.character()));
            }
            return;
        }
        switch (action) {
            case RUN_SEARCH -> run(step, prompt.query());
            case ABANDON -> step.state = step.state.withOverlay(Overlay.NONE);
            case DELETE_BACK -> {
                String q = prompt.query();
                step.state = step.state.withOverlay(new Overlay.SearchPrompt(
                        q.isEmpty() ? q : q.substring(0, q.offsetByCodePoints(q.length(), -1))));
            }
            default -> { }
        }
    }

    /** The search itself runs off the UI thread ({@link #find}); the matches come back as a message. */
    private static void run(Step step, String query) {
        step.state = step.state.withOverlay(Overlay.NONE);
        if (query.isEmpty()) {
            return;
        }
        step.effect(new Effect.Search(step.newRequest(), query, step.state.loom(), step.state.focus().current()));
        step.info("searching for \"" + query + "\"…");
    }

    /** The work of a search: the visible nodes holding the query, in tree order, and the first after {@code from}. */
    public static Msg.SearchDone find(TextIndex index, Effect.Search s) {
        List<NodeId> matches = index.find(s.loom(), Family::preorder, s.query());
        List<NodeId> order = index.lastOrder();
        int here = s.from() == null ? -1 : order.indexOf(s.from());
        int first = 0;
        if (!matches.isEmpty() && here >= 0) {
            // both lists are in tree order: walk them together
            int m = 0;
            for (int i = 0; i <= here && m < matches.size(); i++) {
                if (order.get(i).equals(matches.get(m))) {
                    m++;
                }
            }
            first = m < matches.size() ? m : 0;
        }
        return new Msg.SearchDone(s.request(), s.query(), matches, first);
    }

    /** A search's result arrived. */
    static void found(Step step, Msg.SearchDone done) {
        if (done.matches().isEmpty()) {
            step.state = step.state.withSearch(Search.NONE);
            step.error("no match for \"" + done.query() + "\"");
            return;
        }
        show(step, new Search(done.query(), done.matches(), done.first()));
    }

    /** Steps to the next ({@code dir} = 1) or previous match. */
    static void step(Step step, int dir) {
        Search s = step.state.search();
        if (!s.isActive()) {
            step.info("no search yet: / searches");
            return;
        }
        show(step, new Search(s.query(), s.matches(), Math.floorMod(s.index() + dir, s.matches().size())));
    }

    private static void show(Step step, Search s) {
        step.state = step.state.withSearch(s);
        NodeId id = s.matches().get(s.index());
        Loom loom = step.state.loom();
        if (!loom.contains(id) || loom.isHidden(id)) {
            step.info("match " + (s.index() + 1) + " of " + s.matches().size() + " was deleted");
            return;
        }
        if (step.state.view() == View.TREE) {
            TreeKeys.selectNode(step, id);
        } else {
            Node node = loom.node(id);
            int start = ReadPath.of(loom, id).size() - node.tokens().size();
            step.state = step.state.withFocus(new Focus(id, start + tokenOf(node, s.query())));
        }
        step.info("\"" + s.query() + "\": match " + (s.index() + 1) + " of " + s.matches().size() + " · n N step");
    }

    /** The token of {@code node} where {@code query} first occurs. */
    private static int tokenOf(Node node, String query) {
        TokenRun run = node.tokens();
        Utf8.Decoded decoded = Utf8.decode(run.bytes());
        int at = decoded.text().toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
        int[] offsets = run.byteOffsets();
        for (int i = 0; i < run.size(); i++) {
            if (decoded.charAt()[offsets[i + 1]] > at) {
                return i;
            }
        }
        return Math.max(0, run.size() - 1);
    }
}
