package dev.weft.exchange;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Exoloom's export. Exoloom's source is not public; the layout is the one Tapestry Loom's
 * migration assistant reads ({@code migration-assistant/src/exoloom/mod.rs}): {@code {"loomType":
 * "Exoloom", "schemaVersion": 1, "tree": {"rootNodeId", "nodes": {id: {"content", "authorType":
 * "USER"|"LLM", "authorName", "parentId", "childrenIds", "createdAt"}}}, "lens": {"bookmarks":
 * [{"nodeId"}], "prunedNodes": [{"nodeId"}]}}}. Text comes without token data; a pruned node is
 * imported deleted (hidden, restorable), as weft has no other way to prune.
 */
final class ExoloomImport {
    static final String FORMAT = "Exoloom";

    private ExoloomImport() {}

    static boolean recognises(ForeignJson file) throws ImportException {
        return file.isObject() && file.has("loomType") && FORMAT.equals(file.field("loomType").string());
    }

    private record Pending(String id, int parent) {}

    static ImportedTree read(ForeignJson file, Instant now) throws ImportException {
        ForeignJson version = file.field("schemaVersion");
        if (version.number() != 1) {
            throw version.error("Exoloom schema version " + version.number() + "; weft reads version 1");
        }
        ForeignJson tree = file.field("tree");
        Map<String, ForeignJson> byId = tree.field("nodes").members();
        Set<String> bookmarks = nodeIds(file, "bookmarks");
        Set<String> pruned = nodeIds(file, "prunedNodes");
        List<ImportedNode> nodes = new ArrayList<>();
        ImportReport report = new ImportReport();
        Set<String> seen = new HashSet<>();
        Deque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(id(tree.field("rootNodeId")), -1));
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            ForeignJson node = byId.get(next.id());
            if (node == null) {
                throw tree.field("nodes").error("no node \"" + next.id() + "\", named as a child or the root");
            }
            if (!seen.add(next.id())) {
                throw node.error("reached twice: the nodes do not form a tree");
            }
            int index = nodes.size();
            nodes.add(node(node, next.parent(), bookmarks.contains(next.id()), pruned.contains(next.id()), now,
                    report));
            List<ForeignJson> children = node.has("childrenIds") ? node.field("childrenIds").elements() : List.of();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Pending(id(children.get(i)), index));
            }
        }
        if (seen.size() < byId.size()) {
            report.at(tree.field("nodes").path(), (byId.size() - seen.size())
                    + " nodes are not reachable from the root and were left out");
        }
        for (String about : List.of("title", "description")) {
            report.dropped("tree " + about, tree.has(about) && !tree.field(about).string().isEmpty() ? 1 : 0);
        }
        return new ImportedTree(FORMAT, nodes, -1, -1, report.lines());
    }

    private static ImportedNode node(ForeignJson node, int parent, boolean bookmarked, boolean pruned, Instant now,
                                     ImportReport report) throws ImportException {
        TokenRun text = TokenRun.unscored(node.field("content").string());
        ForeignJson author = node.field("authorType");
        String type = author.string();
        if (!type.equals("USER") && !type.equals("LLM")) {
            throw author.error("expected \"USER\" or \"LLM\"");
        }
        if (type.equals("USER") || parent < 0) {
            report.dropped("creation times of nodes no model wrote", node.has("createdAt") ? 1 : 0);
            report.dropped("names of human authors", node.has("authorName") ? 1 : 0);
        }
        if (parent < 0) {
            return new ImportedNode(parent, Origin.PROMPT, text, null, bookmarked, pruned);
        }
        if (type.equals("USER")) {
            return new ImportedNode(parent, Origin.EDIT, text, null, bookmarked, pruned);
        }
        String model = node.has("authorName") ? node.field("authorName").string() : "unknown";
        Instant at = now;
        if (node.has("createdAt")) {
            try {
                at = Instant.parse(node.field("createdAt").string());
            } catch (DateTimeParseException e) {
                report.at(node.field("createdAt").path(), "not an ISO-8601 time; the import time is used");
            }
        }
        // the export says nothing of parameters or how a generation ended
        Generation generation = new Generation("exoloom", model, SamplingParams.DEFAULTS, at, FinishReason.STOP,
                Generation.PARAMS);
        return new ImportedNode(parent, Origin.MODEL, text, generation, bookmarked, pruned);
    }

    private static Set<String> nodeIds(ForeignJson file, String list) throws ImportException {
        Set<String> out = new HashSet<>();
        if (file.has("lens") && file.field("lens").has(list)) {
            for (ForeignJson entry : file.field("lens").field(list).elements()) {
                out.add(id(entry.field("nodeId")));
            }
        }
        return out;
    }

    /** Node ids are integers, and the keys of {@code nodes} the same integers written as strings. */
    private static String id(ForeignJson value) throws ImportException {
        return value.wholeNumber();
    }
}
