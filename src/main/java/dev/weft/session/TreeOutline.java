package dev.weft.session;

import dev.weft.loom.DisplayText;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeFigures;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code weft tree} shows of a session, and nothing more: per node its children, flags, token
 * count, mean probability and the start of its text. A big session's outline is read from the file
 * without building the loom ({@link OutlineReader}); a session that reader does not take (version 1,
 * a journal that changes the tree, a file it cannot vouch for) is opened as before and outlined
 * from its loom, so both give the same lines and a damaged file the same error.
 *
 * @param roots    every root, deleted ones included, in the file's order
 * @param byId     each node's line by id (null where no node has that id)
 * @param warnings what opening the session said, one line each
 */
public record TreeOutline(int[] roots, Line[] byId, List<String> warnings) {

    /**
     * One node.
     *
     * @param scored          tokens that carry a logprob
     * @param meanProbability e^(mean logprob of the scored tokens), as {@link NodeFigures#meanProbability} gives it
     * @param text            the node's text, or at least enough of its start for a preview of the length asked
     *                        (its first characters are the text's; it is longer than the preview exactly when the
     *                        text is)
     */
    public record Line(int id, Origin origin, int[] children, boolean bookmarked, boolean deleted, int tokens,
                       int scored, double meanProbability, String text) {
        /**
         * The text as one terminal-safe line ({@link DisplayText#token}) of at most {@code chars}
         * characters (8 at least), ending in {@code …} when cut; {@code chars} at most the preview length
         * the outline was read for.
         */
        public String preview(int chars) {
            String safe = DisplayText.token(text);
            return safe.length() > chars ? safe.substring(0, chars - 1) + "…" : safe;
        }
    }

    /**
     * The outline of the session in {@code file} with its journal, as {@link SessionStore#openReadOnlyWithoutAlternatives}
     * would show it, read without building the loom where the file allows.
     *
     * @param previewChars how many characters of each node's text will be shown (more are known only as "more")
     * @throws SessionException as {@link SessionStore#openReadOnlyWithoutAlternatives} throws it
     */
    public static TreeOutline read(Path file, int previewChars) throws SessionException, java.io.IOException {
        TreeOutline fast = OutlineReader.read(file, previewChars);
        if (fast != null) {
            return fast;
        }
        try (SessionStore store = SessionStore.openReadOnlyWithoutAlternatives(file)) {
            return of(store.loom(), store.warnings());
        }
    }

    /** The outline of a loom: each node's whole text. */
    public static TreeOutline of(Loom loom, List<String> warnings) {
        Line[] byId = new Line[loom.nextId()];
        for (Node n : loom.nodes()) {
            int[] children = new int[n.children().size()];
            for (int i = 0; i < children.length; i++) {
                children[i] = n.children().get(i).value();
            }
            NodeFigures figures = NodeFigures.of(n.tokens());
            byId[n.id().value()] = new Line(n.id().value(), n.origin(), children, n.bookmarked(), n.deleted(),
                    n.tokens().size(), figures.scored(), figures.meanProbability(), n.text());
        }
        int[] roots = loom.roots().stream().mapToInt(NodeId::value).toArray();
        return new TreeOutline(roots, byId, List.copyOf(warnings));
    }
}
