package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.loom.NodeId;
import dev.weft.replay.Replay;
import dev.weft.replay.StepSummary;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** {@code weft replay --headless}: every step of a recording as a line of text, or all of them as one JSON object. */
final class StepsPrinter {
    private StepsPrinter() {}

    /** Receives each step with its entry and description. */
    private interface StepVisitor {
        void visit(int step, JournalEntry entry, StepSummary summary);
    }

    static void text(Replay replay, PrintWriter out) {
        out.println("replaying " + replay.recording().name() + ": " + replay.steps() + " steps");
        Instant first = firstInstant(replay);
        Session last = walk(replay, (step, entry, summary) -> out.printf(Locale.ROOT, "%5d  %s  %-10s %s%n",
                step, offset(first, entry.at()), summary.kind(), summary.text()));
        out.println(ending(replay, last));
    }

    static ObjectNode json(Replay replay) {
        ObjectNode root = TokenJson.MAPPER.createObjectNode();
        root.put("file", replay.recording().name());
        ArrayNode steps = root.putArray("steps");
        Instant first = firstInstant(replay);
        Session last = walk(replay, (step, entry, summary) -> {
            ObjectNode o = steps.addObject();
            o.put("step", step);
            o.put("seq", entry.seq());
            o.put("at", entry.at().toString());
            o.put("offset_ms", Duration.between(first, entry.at()).toMillis());
            o.put("kind", summary.kind());
            if (summary.node() == null) {
                o.putNull("node");
            } else {
                o.put("node", summary.node().value());
            }
            ArrayNode created = o.putArray("created");
            for (NodeId id : summary.created()) {
                created.add(id.value());
            }
            o.put("text", summary.text());
        });
        root.put("nodes", last.loom().size());
        root.put("rebuilds_session", replay.rebuildsTheSession());
        return root;
    }

    /** Steps through the whole recording in order (one apply per step); returns the last session. */
    private static Session walk(Replay replay, StepVisitor visitor) {
        Session before = replay.after(0);
        for (int step = 1; step <= replay.steps(); step++) {
            JournalEntry entry = replay.entry(step);
            Session after = before.apply(entry);
            visitor.visit(step, entry, StepSummary.of(entry, before, after));
            before = after;
        }
        return before;
    }

    private static String ending(Replay replay, Session last) {
        int nodes = last.loom().size();
        String rebuilt = "rebuilt " + nodes + (nodes == 1 ? " node" : " nodes");
        return replay.rebuildsTheSession() ? rebuilt + "; the tree, view and backends match the session file"
                : rebuilt + ", but they differ from what the session file holds";
    }

    private static Instant firstInstant(Replay replay) {
        return replay.steps() == 0 ? Instant.EPOCH : replay.entry(1).at();
    }

    /** Time since the first step, as +m:ss.s (hours folded into minutes: recordings are short). */
    private static String offset(Instant first, Instant at) {
        long tenths = Math.max(0, Duration.between(first, at).toMillis() / 100);
        return String.format(Locale.ROOT, "+%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
