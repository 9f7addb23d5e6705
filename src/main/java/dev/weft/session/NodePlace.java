package dev.weft.session;

import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a node has in every session format version: its place in the tree, its origin and
 * its flags. Each version's node reader hands its fields here first and reads the rest itself.
 */
final class NodePlace {
    NodeId id;
    NodeId parent;
    private boolean parentSeen;
    Origin origin;
    List<NodeId> children;
    Boolean bookmarked;
    Boolean deleted;

    /** Reads the field {@code name} when it is one of these; false when it is not. */
    boolean read(JsonInput in, String name) throws SessionException {
        String field = JsonInput.quoted(name);
        switch (name) {
            case "id" -> id = in.nodeId(field);
            case "parent" -> {
                parent = in.nullableNodeId(field);
                parentSeen = true;
            }
            case "origin" -> origin = in.origin(field);
            case "children" -> {
                List<NodeId> list = new ArrayList<>();
                in.array(field, i -> list.add(in.nodeId("a child")));
                children = list;
            }
            case "bookmarked" -> bookmarked = in.bool(field);
            case "deleted" -> deleted = in.bool(field);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** How errors name the node. */
    String where() {
        return id == null ? "a node" : "node " + id;
    }

    /** Every one of these fields was there. */
    void require(JsonInput in, JsonInput.Mark start) throws SessionException {
        String where = where();
        in.require(start, where, "id", id);
        in.require(start, where, "parent", parentSeen ? Boolean.TRUE : null);
        in.require(start, where, "origin", origin);
        in.require(start, where, "children", children);
        in.require(start, where, "bookmarked", bookmarked);
        in.require(start, where, "deleted", deleted);
    }
}
