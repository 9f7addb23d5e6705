package dev.weft.tui.update;

import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.View;

/** The read view's keys. Shared actions, generating among them, apply to the node under the cursor (the one the status bar names). */
final class ReadKeys {
    private ReadKeys() {}

    static void handle(Step step, Action action) {
        if (ReadMotions.handle(step, action)) {
            return;
        }
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        int cursor = path.clamp(step.state.focus().cursor());
        NodeId underCursor = path.size() == 0 ? step.state.focus().current() : path.node(path.nodeAt(cursor)).id();
        switch (action) {
            case ALTERNATIVES -> AlternativesKeys.open(step);
            case EDIT -> Edits.openAtCursor(step);
            case EDIT_EXTERNALLY -> ExternalEdits.open(step);
            case NEW_TREE -> Edits.openNewTree(step);
            case REGENERATE -> Generations.regenerateAt(step, cursor);
            case SIBLINGS_VIEW -> {
                if (step.state.focus().current() == null) {
                    step.info("the loom is empty: i writes a prompt");
                } else {
                    step.state = step.state.withView(View.SIBLINGS).withScroll(step.state.scroll().withSiblings(0));
                }
            }
            case TREE_VIEW -> TreeKeys.enter(step);
            case MULTIVERSE_VIEW -> MultiverseKeys.open(step);
            case COMPARE_VIEW -> CompareKeys.open(step, step.state.settings().experiments().vs());
            default -> CommonKeys.handle(step, action, underCursor);
        }
    }
}
