package dev.weft.loom;

/** A node's identity, stable for the life of a session (ids are never reused). */
public record NodeId(int value) implements Comparable<NodeId> {
    public NodeId {
        if (value < 0) {
            throw new IllegalArgumentException("negative node id " + value);
        }
    }

    @Override
    public int compareTo(NodeId o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
