package dev.weft.tui.state;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseNode;
import dev.weft.loom.NodeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The multiverse view: the most likely continuations after token {@code index} of {@code node},
 * as nested blocks. {@code zoom} and {@code selected} are walks of child indexes from the
 * expansion's root (0 = most likely); the zoomed block is drawn as the whole height and the
 * selected block always lies inside it.
 *
 * @param request    the expansion in flight, or 0 once it has arrived
 * @param multiverse null until the expansion arrives
 * @param context    the text the expansion continues, for the heading
 * @param growing    the block whose expansion is in flight (a zoom looking further), or null
 * @param grown      blocks already expanded below on a zoom, so zooming in again asks nothing
 */
public record MultiverseView(long request, NodeId node, int index, String context, Multiverse multiverse,
                             List<Integer> zoom, List<Integer> selected, List<Integer> growing,
                             Set<List<Integer>> grown) {
    public MultiverseView {
        zoom = List.copyOf(zoom);
        selected = List.copyOf(selected);
        growing = growing == null ? null : List.copyOf(growing);
        grown = Set.copyOf(grown);
    }

    public static MultiverseView expanding(long request, NodeId node, int index, String context) {
        return new MultiverseView(request, node, index, context, null, List.of(), List.of(), null, Set.of());
    }

    public MultiverseView arrived(Multiverse m) {
        return new MultiverseView(0, node, index, context, m, List.of(), m.root().children().isEmpty() ? List.of() : List.of(0),
                null, Set.of());
    }

    /** The expansion below {@code growing} arrived: it takes the place of what the tree held there. */
    public MultiverseView grew(Multiverse below) {
        Set<List<Integer>> now = new HashSet<>(grown);
        now.add(growing);
        Multiverse grafted = multiverse.graft(growing, below);
        List<Integer> sel = selected;
        if (sel.size() <= growing.size() && !grafted.zoom(growing).root().children().isEmpty()) {
            List<Integer> down = new ArrayList<>(growing);
            down.add(0);
            sel = down;
        }
        return new MultiverseView(0, node, index, context, grafted, zoom, sel, null, now);
    }

    /** Asks for the expansion below the block {@code path}. */
    public MultiverseView growing(long newRequest, List<Integer> path) {
        return new MultiverseView(newRequest, node, index, context, multiverse, zoom, selected, path, grown);
    }

    public MultiverseView with(List<Integer> newZoom, List<Integer> newSelected) {
        return new MultiverseView(request, node, index, context, multiverse, newZoom, newSelected, growing, grown);
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
