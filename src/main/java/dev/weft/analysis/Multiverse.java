package dev.weft.analysis;

import dev.weft.loom.Piece;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most probable continuations of a context, expanded breadth-first: what a block-multiverse
 * plot draws. Probabilities are relative to {@link #root()}; after {@link #zoom} the root is a
 * branch and every height is renormalised to it, as the essay does to show how sharply a tuned
 * model's mass stays on one beam.
 *
 * @param branch            the tokens from the context to the root (empty before any zoom)
 * @param branchProbability the absolute probability of that branch (1 before any zoom)
 * @param modelCalls        next-token queries the expansion made
 * @param unexpanded        nodes left unexpanded because their context ends inside a character,
 *                          which a text API cannot be sent (it would read U+FFFD)
 */
public record Multiverse(MultiverseSettings settings, List<Piece> branch, double branchProbability,
                         MultiverseNode root, int modelCalls, int unexpanded) {
    public Multiverse {
        branch = List.copyOf(branch);
    }

    public Multiverse(MultiverseSettings settings, List<Piece> branch, double branchProbability, MultiverseNode root,
                      int modelCalls) {
        this(settings, branch, branchProbability, root, modelCalls, 0);
    }

    /** A path from the root to a leaf, with the probability of the whole path. */
    public record Path(List<MultiverseNode> steps) {
        public Path {
            steps = List.copyOf(steps);
        }

        public double probability() {
            return steps.isEmpty() ? 1 : steps.get(steps.size() - 1).pathProbability();
        }
    }

    /** Probability of the paths the tree does not show. */
    public double unexploredMass() {
        return root.unexploredMass();
    }

    /** What the user is told about {@link #unexpanded()} blocks; "" when there are none. */
    public String unexpandedNote() {
        if (unexpanded == 0) {
            return "";
        }
        return unexpanded + (unexpanded == 1 ? " block ends" : " blocks end") + " inside a character and "
                + (unexpanded == 1 ? "was" : "were") + " not expanded (sent as text it would read U+FFFD)";
    }

    /** Nodes below the root. */
    public int nodeCount() {
        return root.size() - 1;
    }

    /** The nodes at each depth (index 0 = depth 1), in drawing order: by parent, then most likely first. */
    public List<List<MultiverseNode>> levels() {
        List<List<MultiverseNode>> levels = new ArrayList<>();
        List<MultiverseNode> level = root.children();
        while (!level.isEmpty()) {
            levels.add(level);
            List<MultiverseNode> next = new ArrayList<>();
            for (MultiverseNode node : level) {
                next.addAll(node.children());
            }
            level = next;
        }
        return levels;
    }

    /** Every root-to-leaf path, most probable first. */
    public List<Path> paths() {
        List<Path> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        out.sort(Comparator.comparingDouble(Path::probability).reversed());
        return out;
    }

    /**
     * Renormalises to a branch: {@code childIndexes} walks from the root (0 = most likely child);
     * the node reached becomes the root with height 1.
     *
     * @throws IllegalArgumentException when the walk leaves the tree
     */
    public Multiverse zoom(List<Integer> childIndexes) {
        MultiverseNode node = root;
        List<Piece> walked = new ArrayList<>(branch);
        for (int index : childIndexes) {
            if (index < 0 || index >= node.children().size()) {
                String parent = node == root ? "the top" : "'" + node.piece().text() + "'";
                throw new IllegalArgumentException("no branch " + (index + 1) + " under " + parent
                        + " (it has " + node.children().size() + ")");
            }
            node = node.children().get(index);
            walked.add(node.piece());
        }
        if (node == root) {
            return this;
        }
        double mass = node.pathProbability();
        return new Multiverse(settings, walked, branchProbability * mass, node.scaled(1 / mass), modelCalls, unexpanded);
    }

    /**
     * The essay's "renormalise to a branch and look further": {@code below}, an expansion of the
     * context followed by the branch {@code childIndexes} walks to (its probabilities relative to
     * that branch), takes the place of what the tree held under the branch, scaled to its mass.
     *
     * @throws IllegalArgumentException when the walk leaves the tree
     */
    public Multiverse graft(List<Integer> childIndexes, Multiverse below) {
        zoom(childIndexes); // checks the walk
        MultiverseNode grafted = graft(root, childIndexes, 0, below.root());
        return new Multiverse(settings, branch, branchProbability, grafted, modelCalls + below.modelCalls());
    }

    private static MultiverseNode graft(MultiverseNode node, List<Integer> walk, int at, MultiverseNode below) {
        if (at == walk.size()) {
            MultiverseNode scaled = below.scaled(node.pathProbability());
            return new MultiverseNode(node.piece(), node.logprob(), node.pathProbability(), node.endsText(),
                    scaled.prunedMass(), scaled.children());
        }
        List<MultiverseNode> children = new ArrayList<>(node.children());
        int i = walk.get(at);
        children.set(i, graft(children.get(i), walk, at + 1, below));
        return new MultiverseNode(node.piece(), node.logprob(), node.pathProbability(), node.endsText(),
                node.prunedMass(), children);
    }

    private static void collect(MultiverseNode node, List<MultiverseNode> trail, List<Path> out) {
        if (node.children().isEmpty()) {
            if (!trail.isEmpty()) {
                out.add(new Path(trail));
            }
            return;
        }
        for (MultiverseNode child : node.children()) {
            trail.add(child);
            collect(child, trail, out);
            trail.remove(trail.size() - 1);
        }
    }
}
