package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.loom.NodeMarks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's marks as JSON fields: {@code "tags"} (an array of words), {@code "note"} (a string) and
 * {@code "unread"} (a boolean). In a session file each is optional and written only when set; a
 * journal's {@code mark} entry writes all three.
 */
final class MarksCodec {
    static final List<String> FIELDS = List.of("tags", "note", "unread");

    private MarksCodec() {}

    /** The set fields only (a session file's node). */
    static void writeSet(JsonGenerator g, NodeMarks marks) throws IOException {
        if (!marks.tags().isEmpty()) {
            tags(g, marks);
        }
        if (!marks.note().isEmpty()) {
            g.writeStringField("note", marks.note());
        }
        if (marks.unread()) {
            g.writeBooleanField("unread", true);
        }
    }

    /** All three fields (a journal entry, which replaces the marks whole). */
    static void writeAll(JsonGenerator g, NodeMarks marks) throws IOException {
        tags(g, marks);
        g.writeStringField("note", marks.note());
        g.writeBooleanField("unread", marks.unread());
    }

    private static void tags(JsonGenerator g, NodeMarks marks) throws IOException {
        g.writeArrayFieldStart("tags");
        for (String tag : marks.tags()) {
            g.writeString(tag);
        }
        g.writeEndArray();
    }

    /** Reads one of {@link #FIELDS}; the input stands on its value. */
    static Object read(JsonInput in, String name) throws SessionException {
        String field = JsonInput.quoted(name);
        return switch (name) {
            case "tags" -> {
                List<String> tags = new ArrayList<>();
                in.array(field, i -> {
                    String tag = in.string("a tag");
                    String problem = NodeMarks.tagProblem(tag);
                    if (problem != null) {
                        throw in.error(problem);
                    }
                    tags.add(tag);
                });
                yield tags;
            }
            case "note" -> in.string(field);
            case "unread" -> in.bool(field);
            default -> throw new IllegalStateException("not a marks field: " + name);
        };
    }

    /** The marks from the fields read (absent ones are unset). */
    @SuppressWarnings("unchecked")
    static NodeMarks of(Object tags, Object note, Object unread) {
        return new NodeMarks(tags == null ? List.of() : (List<String>) tags, note == null ? "" : (String) note,
                unread != null && (Boolean) unread);
    }
}
