package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.NodeId;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The view's fields, {@code "current": ID|null, "cursor": N, "settings": {…}}: the file's
 * {@code view} object and, among the entry's own fields, a journal view entry.
 */
final class ViewCodec {
    private ViewCodec() {}

    static void writeFields(JsonGenerator g, SessionView view) throws IOException {
        g.writeFieldName("current");
        if (view.current() == null) {
            g.writeNull();
        } else {
            g.writeNumber(view.current().value());
        }
        g.writeNumberField("cursor", view.cursor());
        g.writeObjectFieldStart("settings");
        for (Map.Entry<String, String> e : view.settings().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Reads a view object; the input stands on its start. */
    static SessionView read(JsonInput in, String what) throws SessionException {
        JsonInput.Mark start = in.mark();
        Fields fields = new Fields();
        in.object(what, name -> {
            if (!fields.read(in, name)) {
                throw in.unknownField(name, what);
            }
        });
        return fields.build(in, start, what);
    }

    /** Collects the view's fields as they come, in any order, among an object's other fields. */
    static final class Fields {
        private NodeId current;
        private boolean currentSeen;
        private Integer cursor;
        private Map<String, String> settings;

        /** Reads the field if it belongs to the view; false if it does not. */
        boolean read(JsonInput in, String name) throws SessionException {
            switch (name) {
                case "current" -> {
                    current = in.nullableNodeId("\"current\"");
                    currentSeen = true;
                }
                case "cursor" -> {
                    cursor = in.intValue("\"cursor\"");
                    if (cursor < 0) {
                        throw in.expected("\"cursor\"", "a token index (an integer >= 0)");
                    }
                }
                case "settings" -> {
                    Map<String, String> read = new TreeMap<>();
                    in.object("\"settings\"", key -> read.put(key, in.string("setting " + JsonInput.quoted(key))));
                    settings = read;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        SessionView build(JsonInput in, JsonInput.Mark start, String where) throws SessionException {
            in.require(start, where, "current", currentSeen ? Boolean.TRUE : null);
            in.require(start, where, "cursor", cursor);
            in.require(start, where, "settings", settings);
            return new SessionView(current, cursor, settings);
        }
    }
}
