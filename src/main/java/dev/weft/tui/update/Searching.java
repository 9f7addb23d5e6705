package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.layout.Family;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Search;
import dev.weft.tui.state.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search over the text of every visible node (case-insensitive): {@code /} types a query, Enter
 * jumps to the first match after the current node, n and N step through the others.
 */
final class Searching {
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

    private static void run(Step step, String query) {
        step.state = step.state.withOverlay(Overlay.NONE);
        if (query.isEmpty()) {
            return;
        }
        Loom loom = step.state.loom();
        List<NodeId> order = Family.preorder(loom);
        String needle = query.toLowerCase(Locale.ROOT);
        List<NodeId> matches = new ArrayList<>();
        for (NodeId id : order) {
            if (loom.node(id).text().toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(id);
            }
        }
        if (matches.isEmpty()) {
            step.state = step.state.withSearch(Search.NONE);
            step.error("no match for \"" + query + "\"");
            return;
        }
        int here = order.indexOf(step.state.focus().current());
        int first = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (order.indexOf(matches.get(i)) > here) {
                first = i;
                break;
            }
        }
        show(step, new Search(query, matches, first));
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
