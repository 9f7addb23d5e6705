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
 * jumps to the first match after the node the view stands on (the read view's node, the tree's
 * selected row), n and N step through the others. A word {@code tag:WORD} in the query keeps
 * only nodes with that tag ({@code /tag:keep} lists them all; {@code /tag:keep dog} those of them
 * holding "dog").
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
        NodeId from = step.state.view() == View.TREE ? step.state.tree().selected() : step.state.focus().current();
        step.effect(new Effect.Search(step.newRequest(), query, step.state.loom(), from));
        step.info("searching for \"" + query + "\"…");
    }

    /** The work of a search: the visible nodes holding the query, in tree order, and the first after {@code from}. */
    public static Msg.SearchDone find(TextIndex index, Effect.Search s) {
        Query q = Query.parse(s.query());
        List<NodeId> matches = index.find(s.loom(), Family::preorder, q.text());
        if (!q.tags().isEmpty()) {
            matches = matches.stream().filter(id -> q.taggedOn(s.loom().node(id).marks().tags())).toList();
        }
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

    /** A query split into its {@code tag:WORD} filters and the text to find (the other words, as typed). */
    record Query(List<String> tags, String text) {
        static final String TAG = "tag:";

        /** Whether {@code tags} hold every tag asked for, ignoring case as the text search does. */
        boolean taggedOn(List<String> nodeTags) {
            List<String> lower = nodeTags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            return tags.stream().allMatch(t -> lower.contains(t.toLowerCase(Locale.ROOT)));
        }

        static Query parse(String query) {
            List<String> tags = new java.util.ArrayList<>();
            List<String> rest = new java.util.ArrayList<>();
            for (String word : query.split(" ", -1)) {
                if (word.startsWith(TAG) && word.length() > TAG.length()) {
                    tags.add(word.substring(TAG.length()));
                } else {
                    rest.add(word);
                }
            }
            // without a filter the query is the text exactly as typed, spaces and all
            return new Query(tags, tags.isEmpty() ? query : String.join(" ", rest).strip());
        }
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
        NodeId lifted = null;
        if (step.state.view() == View.TREE) {
            lifted = TreeKeys.selectNode(step, id);
        } else {
            Node node = loom.node(id);
            int start = ReadPath.of(loom, id).size() - node.tokens().size();
            step.state = step.state.withFocus(new Focus(id, start + tokenOf(node, Query.parse(s.query()).text())));
        }
        step.info(TreeKeys.lifted("\"" + s.query() + "\": match " + (s.index() + 1) + " of " + s.matches().size()
                + " · n N step", lifted));
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
