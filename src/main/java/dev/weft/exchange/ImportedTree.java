package dev.weft.exchange;

import java.util.List;

/**
 * A foreign tree read into weft's terms, ready to be recorded as a session.
 *
 * @param format   which tool's format it was, for messages
 * @param nodes    in pre-order
 * @param selected index of the node the tool had selected, or -1
 * @param warnings what could not be carried over, one line each, naming the place in the file
 */
public record ImportedTree(String format, List<ImportedNode> nodes, int selected, List<String> warnings) {
    public ImportedTree {
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
    }
}
