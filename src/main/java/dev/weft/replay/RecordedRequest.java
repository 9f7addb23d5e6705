package dev.weft.replay;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.session.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One model request as the journal recorded it: the n sibling appends a generation makes at
 * once. The TUI appends them empty and streams tokens in with extend entries; headless commands
 * append them whole. Either way they are consecutive entries with one parent and one generation
 * (the same backend, model, parameters and request time; only how each finished may differ).
 */
record RecordedRequest(NodeId parent, Generation generation, List<LoomAction.Append> appends) {
    RecordedRequest {
        appends = List.copyOf(appends);
    }

    /** The request whose first append is entry {@code i}; null when that is not a model append with a generation. */
    static RecordedRequest startingAt(List<JournalEntry> entries, int i) {
        LoomAction.Append first = modelAppend(entries.get(i));
        if (first == null) {
            return null;
        }
        List<LoomAction.Append> appends = new ArrayList<>();
        appends.add(first);
        for (int j = i + 1; j < entries.size() && appends.size() < first.generation().params().n(); j++) {
            LoomAction.Append next = modelAppend(entries.get(j));
            boolean sameRequest = next != null && next.parent().equals(first.parent())
                    && sameRequest(next.generation(), first.generation());
            if (!sameRequest) {
                break;
            }
            appends.add(next);
        }
        return new RecordedRequest(first.parent(), first.generation(), appends);
    }

    int size() {
        return appends.size();
    }

    private static LoomAction.Append modelAppend(JournalEntry entry) {
        return entry instanceof JournalEntry.Action a && a.action() instanceof LoomAction.Append append
                && append.origin() == Origin.MODEL && append.generation() != null ? append : null;
    }

    private static boolean sameRequest(Generation a, Generation b) {
        return a.finished(FinishReason.RUNNING).equals(b.finished(FinishReason.RUNNING));
    }
}
