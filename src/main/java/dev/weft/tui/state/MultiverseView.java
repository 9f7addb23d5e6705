package dev.weft.tui.state;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The multiverse view: the most likely continuations after token {@code index} of {@code node},
 * as nested blocks. {@code zoom} and {@code selected} are walks of child indexes from the
 * expansion's root (0 = most likely); the zoomed block is drawn as the whole height and the
 * selected block always lies inside it.
 *
 * @param request    the expansion in flight, or 0 once it has arrived
 * @param multiverse null until the expansion arrives
 * @param context    the text the expansion continues, for the heading
 */
public record MultiverseView(long request, NodeId node, int index, String context, Multiverse multiverse,
                             List<Integer> zoom, List<Integer> selected) {
    public MultiverseView {
        zoom = List.copyOf(zoom);
        selected = List.copyOf(selected);
    }

    public static MultiverseView expanding(long request, NodeId node, int index, String context) {
        return new MultiverseView(request, node, index, context, null, List.of(), List.of());
    }

    public MultiverseView arrived(Multiverse m) {
        return new MultiverseView(0, node, index, context, m, List.of(), m.root().children().isEmpty() ? List.of() : List.of(0));
    }

    public MultiverseView with(List<Integer> newZoom, List<Integer> newSelected) {
        return new MultiverseView(request, node, index, context, multiverse, newZoom, newSelected);
    }

    /** The tree as drawn: renormalised to the zoomed block. */
    public Multiverse shown() {
        return multiverse.zoom(zoom);
    }

    /** The nodes from the root to the selected block. */
    public List<MultiverseNode> selectedPath() {
        List<MultiverseNode> out = new ArrayList<>();
        MultiverseNode n = multiverse.root();
        for (int i : selected) {
            n = n.children().get(i);
            out.add(n);
        }
        return out;
    }
}
