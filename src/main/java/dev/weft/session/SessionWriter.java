package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Streams a session to a file in the layout of weft-session(5), version 2: top-level fields one
 * per line, then the piece table, the generation table and the nodes in id order, one per line,
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
        List<Node> nodes = new ArrayList<>(loom.nodes());
        nodes.sort(Comparator.comparing(Node::id));
        CompactNodes.write(g, nodes);
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
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
