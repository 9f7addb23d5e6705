package dev.weft.exchange;

import java.util.List;

/**
 * A foreign tree read into weft's terms, ready to be recorded as a session.
 *
 * @param format   which tool's format it was, for messages
 * @param nodes    in pre-order
 * @param selected index of the node the tool had selected, or -1
 * @param hoist    index of the node the tool had hoisted (showing only its subtree), or -1
 * @param warnings what could not be carried over and what was read differently, one line per cause
 *                 (naming the places in the file), then one line of what has no home in weft
 */
public record ImportedTree(String format, List<ImportedNode> nodes, int selected, int hoist, List<String> warnings) {
    public ImportedTree {
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
    }
}
