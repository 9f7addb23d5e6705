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
 * Streams a session to a file in the layout of weft-session(5): nodes in id order, one field
 * per line, one token per line. Memory use does not grow with the tree beyond a sorted list of
 * node references.
 */
final class SessionWriter {
    private SessionWriter() {}

    static void write(Session session, OutputStream out) throws IOException {
        JsonGenerator g = SessionFormat.JSON.createGenerator(out);
        g.setPrettyPrinter(new SessionLayout());
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
        Loom loom = session.loom();
        g.writeNumberField("next_id", loom.nextId());
        g.writeArrayFieldStart("roots");
        for (NodeId root : loom.roots()) {
            g.writeNumber(root.value());
        }
        g.writeEndArray();
        g.writeFieldName("nodes");
        SessionLayout.expandNext(g);
        g.writeStartArray();
        List<Node> nodes = new ArrayList<>(loom.nodes());
        nodes.sort(Comparator.comparing(Node::id));
        for (Node node : nodes) {
            writeNode(g, node);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void writeBackends(JsonGenerator g, SessionBackends backends) throws IOException {
        SessionLayout.expandNext(g);
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

    private static void writeNode(JsonGenerator g, Node node) throws IOException {
        SessionLayout.expandNext(g);
        g.writeStartObject();
        g.writeNumberField("id", node.id().value());
        g.writeFieldName("parent");
        if (node.parent() == null) {
            g.writeNull();
        } else {
            g.writeNumber(node.parent().value());
        }
        g.writeStringField("origin", node.origin().label());
        g.writeStringField("text", node.text());
        g.writeArrayFieldStart("children");
        for (NodeId child : node.children()) {
            g.writeNumber(child.value());
        }
        g.writeEndArray();
        g.writeBooleanField("bookmarked", node.bookmarked());
        g.writeBooleanField("deleted", node.deleted());
        g.writeFieldName("generation");
        if (node.generation() == null) {
            g.writeNull();
        } else {
            GenerationCodec.write(g, node.generation());
        }
        g.writeFieldName("tokens");
        TokenCodec.write(g, node.tokens());
        g.writeEndObject();
    }
}
