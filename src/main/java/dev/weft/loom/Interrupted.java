package dev.weft.loom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generations with no end in a tree read from disk. Nothing streams into a session that was
 * just opened, so such a generation is over: it was cut when the process that ran it died (a
 * dropped connection, a kill). Opening and replaying mark it cut, as Esc does live, so the
 * node stops claiming to be "still arriving" and can be continued.
 */
public final class Interrupted {
    private Interrupted() {}

    /** One finish action per node whose generation is still running, in id order. */
    public static List<LoomAction> cuts(Loom loom) {
        List<Node> running = new ArrayList<>();
        for (Node node : loom.nodes()) {
            if (node.generation() != null && node.generation().finish() == FinishReason.RUNNING) {
                running.add(node);
            }
        }
        running.sort(Comparator.comparing(Node::id));
        List<LoomAction> out = new ArrayList<>(running.size());
        for (Node node : running) {
            out.add(new LoomAction.Finish(node.id(), FinishReason.CUT));
        }
        return out;
    }

    /** The tree with every unfinished generation marked cut. */
    public static Loom markCut(Loom loom) {
        Loom out = loom;
        for (LoomAction cut : cuts(loom)) {
            out = cut.apply(out).loom();
        }
        return out;
    }

    /** The one line that tells the user, for {@code count} > 0. */
    public static String notice(int count) {
        return count == 1
                ? "1 generation was interrupted when the session was last closed; marked [cut]"
                : count + " generations were interrupted when the session was last closed; marked [cut]";
    }
}
