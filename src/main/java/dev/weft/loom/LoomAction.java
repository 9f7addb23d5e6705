package dev.weft.loom;

/**
 * A change to the loom as data: what the journal records and replay re-applies. Ids are
 * deterministic (the loom's next id), so replaying the same actions on the same loom
 * yields the same ids.
 */
public sealed interface LoomAction {

    Loom.Result apply(Loom loom);

    record AddRoot(TokenRun tokens) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return loom.addRoot(tokens);
        }
    }

    record Append(NodeId parent, TokenRun tokens, Origin origin, Generation generation) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return loom.append(parent, tokens, origin, generation);
        }
    }

    record Extend(NodeId node, TokenRun tokens) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.extend(node, tokens), node);
        }
    }

    record Finish(NodeId node, FinishReason reason) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.finish(node, reason), node);
        }
    }

    record Split(NodeId node, int index) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return loom.split(node, index);
        }
    }

    record Join(NodeId node) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.join(node), node);
        }
    }

    record Swap(NodeId node, int index, int alternative) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return loom.swap(node, index, alternative);
        }
    }

    record Perturb(NodeId node, int start, int end, String replacement, boolean keepTail) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return loom.perturb(node, start, end, replacement, keepTail);
        }
    }

    record Rescore(NodeId node, TokenRun tokens) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.rescore(node, tokens), node);
        }
    }

    record Delete(NodeId node) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.delete(node), node);
        }
    }

    record Undelete(NodeId node) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.undelete(node), node);
        }
    }

    record Bookmark(NodeId node, boolean on) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.bookmark(node, on), node);
        }
    }

    /** Sets a node's tags, note and unread flag, all at once (so one journal line says all of them). */
    record Mark(NodeId node, NodeMarks marks) implements LoomAction {
        public Loom.Result apply(Loom loom) {
            return new Loom.Result(loom.mark(node, marks), node);
        }
    }
}
