package dev.weft.loom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The lower-cased text of every node searched so far, kept with the tree: a node's entry is
 * rebuilt only when the node itself changed (nodes are immutable, so a changed node is a new
 * object), so a search over 100,000 nodes decodes only the nodes added or edited since the last.
 * Thread-safe; used off the UI thread.
 */
public final class TextIndex {
    private final Map<NodeId, Entry> entries = new HashMap<>();
    /** The last tree searched, its order and its texts in that order: searching it again only scans. */
    private Loom lastLoom;
    private List<NodeId> lastOrder;
    private String[] lastTexts;

    private record Entry(Node node, String lower) {}

    /** The nodes of {@code order} whose text holds {@code query}, ignoring case, in that order. */
    public List<NodeId> find(Loom loom, List<NodeId> order, String query) {
        return find(loom, l -> order, query);
    }

    /**
     * The same, with the order computed only when the tree changed since the last search
     * ({@code order} is called with the tree).
     */
    public synchronized List<NodeId> find(Loom loom, Function<Loom, List<NodeId>> order, String query) {
        if (loom != lastLoom) {
            List<NodeId> ids = order.apply(loom);
            String[] texts = new String[ids.size()];
            for (int i = 0; i < texts.length; i++) {
                NodeId id = ids.get(i);
                Node node = loom.node(id);
                Entry e = entries.get(id);
                if (e == null || e.node != node) {
                    e = new Entry(node, node.text().toLowerCase(Locale.ROOT));
                    entries.put(id, e);
                }
                texts[i] = e.lower;
            }
            lastLoom = loom;
            lastOrder = ids;
            lastTexts = texts;
        }
        String needle = query.toLowerCase(Locale.ROOT);
        List<NodeId> out = new ArrayList<>();
        for (int i = 0; i < lastTexts.length; i++) {
            if (lastTexts[i].contains(needle)) {
                out.add(lastOrder.get(i));
            }
        }
        return out;
    }

    /** The order of the last tree searched (the one {@link #find} computed or was given). */
    public synchronized List<NodeId> lastOrder() {
        return lastOrder;
    }
}
