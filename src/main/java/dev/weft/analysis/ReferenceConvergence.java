package dev.weft.analysis;

import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The attractor experiment as a tree holds it: a reference path (the temperature-0 mainline) and
 * every branch that leaves it at any depth below a node (a perturbation regenerated, a sample),
 * each measured against the reference from where it leaves ({@link Convergence}), as
 * {@code weft attractor --session} records the experiment and as it reports it.
 *
 * @param from      the node the branches are gathered under; it lies on the reference path
 * @param reference the reference path's nodes below {@code from}, down to its leaf
 * @param ending    the reference's ending, located in the reference's text below {@code from}
 * @param branches  most shallow first, in the order of the tree
 */
public record ReferenceConvergence(NodeId from, List<NodeId> reference, Ending.Located ending, List<Branch> branches) {
    /** More branches than this are not gathered: the view and the summary would say nothing more. */
    public static final int MAX_BRANCHES = 500;

    public ReferenceConvergence {
        reference = List.copyOf(reference);
        branches = List.copyOf(branches);
    }

    /**
     * One path that leaves the reference.
     *
     * @param leaves      the reference node it leaves after
     * @param atToken     tokens of the reference below {@code from} before the branch departs
     * @param nodes       from the first node off the reference down to a leaf
     * @param convergence against the reference from where it departs
     * @param shared      characters at the end the branch's text shares with the reference's
     */
    public record Branch(NodeId leaves, int atToken, List<NodeId> nodes, Convergence convergence, int shared) {
        public Branch {
            nodes = List.copyOf(nodes);
        }

        public NodeId first() {
            return nodes.get(0);
        }

        public NodeId leaf() {
            return nodes.get(nodes.size() - 1);
        }
    }

    /**
     * The reference path through {@code through}: the root down to it, then its first live
     * children down to a leaf.
     */
    public static List<NodeId> pathThrough(Loom loom, NodeId through) {
        List<NodeId> path = new ArrayList<>();
        for (Node n : loom.path(through)) {
            path.add(n.id());
        }
        for (List<NodeId> next = loom.liveChildren(through); !next.isEmpty(); next = loom.liveChildren(next.get(0))) {
            path.add(next.get(0));
        }
        return path;
    }

    /**
     * Where the view opens for a node at the cursor: the deepest node of the reference path that is
     * {@code at} or one of its ancestors, moved up to the nearest fork of the path when no branch
     * leaves below it. Null when the path and {@code at} share no node, or nothing leaves the path.
     */
    public static NodeId start(Loom loom, List<NodeId> path, NodeId at) {
        List<NodeId> ancestors = new ArrayList<>();
        for (Node n : loom.path(at)) {
            ancestors.add(n.id());
        }
        int k = -1;
        for (int i = 0; i < path.size() && i < ancestors.size() && path.get(i).equals(ancestors.get(i)); i++) {
            k = i;
        }
        for (int i = k; i >= 0; i--) {
            for (int j = i; j < path.size(); j++) {
                if (loom.liveChildren(path.get(j)).size() > 1) {
                    return path.get(i);
                }
            }
        }
        return null;
    }

    /** Gathers and measures the branches leaving {@code path} below {@code from} (a node of the path). */
    public static ReferenceConvergence of(Loom loom, List<NodeId> path, NodeId from) {
        int start = path.indexOf(from);
        if (start < 0) {
            throw new IllegalArgumentException(from + " is not on the reference path");
        }
        List<NodeId> below = path.subList(start + 1, path.size());
        TokenRun reference = TokenRun.EMPTY;
        for (NodeId id : below) {
            reference = reference.append(loom.node(id).tokens());
        }
        Ending.Located ending = new Ending.LastSentence().locate(reference);
        String referenceText = reference.text();
        List<Branch> branches = new ArrayList<>();
        int atToken = 0;
        for (int i = start; i < path.size() && branches.size() < MAX_BRANCHES; i++) {
            NodeId at = path.get(i);
            NodeId next = i + 1 < path.size() ? path.get(i + 1) : null;
            if (i > start) {
                atToken += loom.node(at).tokens().size();
            }
            for (NodeId child : loom.liveChildren(at)) {
                if (child.equals(next)) {
                    continue;
                }
                for (List<NodeId> chain : leafChains(loom, child, MAX_BRANCHES - branches.size())) {
                    branches.add(measure(loom, at, atToken, chain, reference, ending, referenceText));
                }
            }
        }
        return new ReferenceConvergence(from, below, ending, branches);
    }

    /** Share of branches whose text reached the reference's ending; NaN without branches. */
    public double shareConverged() {
        return branches.isEmpty() ? Double.NaN : (double) convergedCount() / branches.size();
    }

    public int convergedCount() {
        return (int) branches.stream().filter(b -> b.convergence().endingMatched()).count();
    }

    public int rejoinedCount() {
        return (int) branches.stream().filter(b -> b.convergence().rejoined()).count();
    }

    /** Median tokens to re-join, over the branches that re-joined; NaN when none did. */
    public double medianRejoin() {
        int[] sorted = branches.stream().filter(b -> b.convergence().rejoined())
                .mapToInt(b -> b.convergence().rejoinAfter()).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** The characters every branch and the reference end with ("" when their last characters differ). */
    public String sharedByAll(Loom loom) {
        String all = pathText(loom, reference);
        for (Branch b : branches) {
            all = all.substring(all.length() - commonSuffix(all, pathText(loom, b.nodes())));
        }
        return all;
    }

    private static Branch measure(Loom loom, NodeId leaves, int atToken, List<NodeId> chain, TokenRun reference,
                                  Ending.Located ending, String referenceText) {
        Node first = loom.node(chain.get(0));
        boolean perturbed = first.origin() == Origin.EDIT || first.origin() == Origin.SWAP;
        TokenRun regenerated = TokenRun.EMPTY;
        for (int k = perturbed ? 1 : 0; k < chain.size(); k++) {
            regenerated = regenerated.append(loom.node(chain.get(k)).tokens());
        }
        String perturbation = perturbed ? first.text() : "";
        Convergence c = Convergence.measure(reference, Math.min(atToken, reference.size()), perturbation, regenerated,
                ending);
        String text = perturbation + regenerated.text();
        return new Branch(leaves, atToken, chain, c, commonSuffix(referenceText, text));
    }

    /** Every path from {@code top} down to a leaf, at most {@code max}, in the tree's order. */
    private static List<List<NodeId>> leafChains(Loom loom, NodeId top, int max) {
        List<List<NodeId>> out = new ArrayList<>();
        collect(loom, top, new ArrayList<>(), out, max);
        return out;
    }

    private static void collect(Loom loom, NodeId at, List<NodeId> trail, List<List<NodeId>> out, int max) {
        if (out.size() >= max) {
            return;
        }
        trail.add(at);
        List<NodeId> children = loom.liveChildren(at);
        if (children.isEmpty()) {
            out.add(List.copyOf(trail));
        }
        for (NodeId c : children) {
            collect(loom, c, trail, out, max);
        }
        trail.remove(trail.size() - 1);
    }

    private static String pathText(Loom loom, List<NodeId> nodes) {
        StringBuilder s = new StringBuilder();
        for (NodeId id : nodes) {
            s.append(loom.node(id).text());
        }
        return s.toString();
    }

    /** Characters {@code a} and {@code b} end with alike, never half a character. */
    public static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        if (n > 0 && n < a.length() && Character.isLowSurrogate(a.charAt(a.length() - n))) {
            n--;
        }
        return n;
    }
}
