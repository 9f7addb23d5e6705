package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Streams a session to a file in the layout of weft-session(5), version 2: top-level fields one
 * per line, then the piece table, the generation table and the nodes (the view's path first, then the
 * others in id order), one per line,
 * without indentation. Memory use beyond the tree: a sorted list of node references and the two
 * tables' indexes.
 */
final class SessionWriter {
    private SessionWriter() {}

    static void write(Session session, OutputStream out) throws IOException {
        JsonGenerator g = SessionFormat.JSON.createGenerator(out);
        g.setPrettyPrinter(new SessionLayout(true));
        SessionLayout.expandNext(g);
        g.writeStartObject();
        g.writeStringField("format", SessionFormat.FORMAT);
        g.writeNumberField("version", SessionFormat.VERSION);
        g.writeStringField("created", session.created().toString());
        g.writeStringField("saved", session.saved().toString());
        g.writeNumberField("journal_seq", session.journalSeq());
        g.writeFieldName("backends");
        writeBackends(g, session.backends());
        g.writeFieldName("view");
        writeView(g, session.view());
        if (!session.analyses().isEmpty()) { // optional: a session without any stays as before
            g.writeFieldName("analyses");
            SessionLayout.expandNext(g);
            g.writeStartArray();
            for (dev.weft.analysis.AnalysisRecord record : session.analyses()) {
                AnalysisCodec.write(g, record);
            }
            g.writeEndArray();
        }
        Loom loom = session.loom();
        g.writeNumberField("next_id", loom.nextId());
        g.writeArrayFieldStart("roots");
        for (NodeId root : loom.roots()) {
            g.writeNumber(root.value());
        }
        g.writeEndArray();
        CompactNodes.write(g, out, inFileOrder(loom, session.view()));
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /**
     * The view's path first, from its end up to the root (what reopening shows before the rest
     * is read, see {@link SessionReader#readViewPath}), then every other node in id order.
     */
    static List<Node> inFileOrder(Loom loom, SessionView view) {
        List<Node> path = ViewPath.of(loom, view);
        Set<NodeId> first = new HashSet<>();
        path.forEach(n -> first.add(n.id()));
        List<Node> rest = new ArrayList<>(loom.size());
        for (Node n : loom.nodes()) {
            if (!first.contains(n.id())) {
                rest.add(n);
            }
        }
        rest.sort(Comparator.comparing(Node::id));
        List<Node> all = new ArrayList<>(path);
        all.addAll(rest);
        return all;
    }

    private static void writeBackends(JsonGenerator g, SessionBackends backends) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, SessionBackends.Profile> e : backends.profiles().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("backend", e.getValue().backend());
            g.writeArrayFieldStart("models");
            for (String model : e.getValue().models()) {
                g.writeString(model);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeView(JsonGenerator g, SessionView view) throws IOException {
        g.writeStartObject();
        ViewCodec.writeFields(g, view);
        g.writeEndObject();
    }
}
