package dev.weft.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import dev.weft.loom.FinishReason;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Strict, streaming reading of the session grammar over a Jackson parser. Every value reader
 * reads the <em>current</em> token (the caller advanced to it with {@link #next()}), and every
 * failure becomes a {@link SessionException} that says {@code file:line:column: reason}.
 */
final class JsonInput {
    /** Reads the value of field {@code name}; the parser stands on the value's first token. */
    interface FieldReader {
        void read(String name) throws SessionException;
    }

    /** Reads array element {@code index}; the parser stands on the element's first token. */
    interface ElementReader {
        void read(int index) throws SessionException;
    }

    /** A remembered position, for errors found after the tokens that caused them. */
    record Mark(int line, int column) {}

    private final JsonParser parser;
    private final String source;
    /** Added to the parser's line numbers: a journal line is parsed alone but reported in place. */
    private final int lineOffset;
    /** Where the field being read was named: unknown and misplaced fields are reported there. */
    private Mark fieldMark = new Mark(1, 1);

    JsonInput(JsonParser parser, String source, int firstLine) {
        this.parser = parser;
        this.source = source;
        this.lineOffset = firstLine - 1;
    }

    JsonToken next() throws SessionException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw error(new Mark(at.getLineNr(), at.getColumnNr()), inWeftWords(firstLine(e.getOriginalMessage())));
        } catch (Utf8Check.Malformed e) {
            throw error(new Mark(e.line, e.column), "invalid UTF-8: " + e.reason);
        } catch (IOException e) {
            throw new SessionException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /** Where the current token starts, in bytes from the start of the input. */
    long byteOffset() {
        return parser.currentTokenLocation().getByteOffset();
    }

    Mark mark() {
        JsonLocation at = parser.currentTokenLocation();
        return new Mark(at.getLineNr(), at.getColumnNr());
    }

    SessionException error(String reason) {
        return error(mark(), reason);
    }

    SessionException error(Mark at, String reason) {
        return new SessionException(source + ":" + (at.line() + lineOffset) + ":" + at.column() + ": " + reason);
    }

    /** Reads an object field by field; the parser stands on its start. */
    void object(String what, FieldReader fields) throws SessionException {
        expect(JsonToken.START_OBJECT, what, "an object");
        while (next() == JsonToken.FIELD_NAME) {
            fieldMark = mark();
            String name = currentName();
            next();
            fields.read(name);
        }
    }

    /** Reads an array element by element; the parser stands on its start. */
    void array(String what, ElementReader elements) throws SessionException {
        expect(JsonToken.START_ARRAY, what, "an array");
        int index = 0;
        while (next() != JsonToken.END_ARRAY) {
            elements.read(index++);
        }
    }

    /** Moves to the next element of a fixed-shape array; false at its end. */
    boolean nextElement() throws SessionException {
        return next() != JsonToken.END_ARRAY;
    }

    SessionException unknownField(String name, String where) {
        return fieldError("unknown field " + quoted(name) + " in " + where);
    }

    /** An error about the field being read, at its name rather than its value. */
    SessionException fieldError(String reason) {
        return error(fieldMark, reason);
    }

    /** Fails at {@code start} (where the object began) when a required field was absent. */
    void require(Mark start, String where, String name, Object value) throws SessionException {
        if (value == null) {
            throw error(start, where + " is missing " + quoted(name));
        }
    }

    /** How messages name a field: {@code "tokens"}. */
    static String quoted(String name) {
        String known = QUOTED.get(name); // a 100,000-node file names a dozen fields per node
        return known != null ? known : '"' + name + '"';
    }

    private static final java.util.Map<String, String> QUOTED = new java.util.HashMap<>();

    static {
        for (String name : new String[] {"id", "parent", "origin", "children", "bookmarked", "deleted", "generation",
                "tokens", "top", "alternatives", "logprobs", "tags", "note", "unread", "text"}) {
            QUOTED.put(name, '"' + name + '"');
        }
    }

    String string(String what) throws SessionException {
        expect(JsonToken.VALUE_STRING, what, "a string");
        return text();
    }

    /** A base64 string's bytes. */
    byte[] binary(String what) throws SessionException {
        expect(JsonToken.VALUE_STRING, what, "a base64 string");
        try {
            return parser.getBinaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw expected(what, "a base64 string (" + firstLine(e.getMessage()) + ")");
        }
    }

    boolean bool(String what) throws SessionException {
        if (token() != JsonToken.VALUE_TRUE && token() != JsonToken.VALUE_FALSE) {
            throw expected(what, "true or false");
        }
        return token() == JsonToken.VALUE_TRUE;
    }

    long longValue(String what) throws SessionException {
        expect(JsonToken.VALUE_NUMBER_INT, what, "an integer");
        try {
            return parser.getLongValue();
        } catch (IOException e) {
            throw expected(what, "an integer that fits in 64 bits");
        }
    }

    Long nullableLong(String what) throws SessionException {
        return token() == JsonToken.VALUE_NULL ? null : longValue(what);
    }

    int intValue(String what) throws SessionException {
        long value = longValue(what);
        if (value != (int) value) {
            throw expected(what, "an integer that fits in 32 bits");
        }
        return (int) value;
    }

    /** Doubles are written in their shortest exact form, so parsing gives the same bits back. */
    double doubleValue(String what) throws SessionException {
        if (token() != JsonToken.VALUE_NUMBER_INT && token() != JsonToken.VALUE_NUMBER_FLOAT) {
            throw expected(what, "a number");
        }
        try {
            return NumberInput.parseDouble(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength(), true);
        } catch (IOException | NumberFormatException e) {
            throw expected(what, "a number");
        }
    }

    /**
     * The current number token parsed straight to float, since parsing to double first could
     * round twice; read from the parser's buffer, as a million tokens would make many Strings.
     */
    float floatNumber(String what) throws SessionException {
        if (token() != JsonToken.VALUE_NUMBER_INT && token() != JsonToken.VALUE_NUMBER_FLOAT) {
            throw expected(what, "a number");
        }
        try {
            return NumberInput.parseFloat(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength(), true);
        } catch (IOException | NumberFormatException e) {
            throw expected(what, "a number");
        }
    }

    NodeId nodeId(String what) throws SessionException {
        int value = intValue(what);
        if (value < 0) {
            throw expected(what, "a node id (an integer >= 0)");
        }
        return new NodeId(value);
    }

    NodeId nullableNodeId(String what) throws SessionException {
        return token() == JsonToken.VALUE_NULL ? null : nodeId(what);
    }

    Origin origin(String what) throws SessionException {
        return label(what, Origin.values(), Origin::label);
    }

    FinishReason finishReason(String what) throws SessionException {
        return label(what, FinishReason.values(), FinishReason::label);
    }

    private <T> T label(String what, T[] values, Function<T, String> label) throws SessionException {
        String text = string(what);
        for (T value : values) {
            if (label.apply(value).equals(text)) {
                return value;
            }
        }
        throw expected(what, "one of " + Arrays.stream(values).map(label).collect(Collectors.joining(", ")));
    }

    Instant instant(String what) throws SessionException {
        String text = string(what);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw expected(what, "an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
    }

    /** The current token's text exactly as written in the file. */
    String text() throws SessionException {
        try {
            return parser.getText();
        } catch (Utf8Check.Malformed e) {
            throw error(new Mark(e.line, e.column), "invalid UTF-8: " + e.reason);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw error(new Mark(at.getLineNr(), at.getColumnNr()), inWeftWords(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw error("cannot read value: " + e.getMessage());
        }
    }

    SessionException expected(String what, String shape) {
        return error("expected " + what + " to be " + shape);
    }

    void expect(JsonToken token, String what, String shape) throws SessionException {
        if (token() != token) {
            throw expected(what, shape);
        }
    }

    private String currentName() throws SessionException {
        try {
            return parser.currentName();
        } catch (Utf8Check.Malformed e) {
            throw error(new Mark(e.line, e.column), "invalid UTF-8: " + e.reason);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw error(new Mark(at.getLineNr(), at.getColumnNr()), inWeftWords(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw error("cannot read field name: " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\s*\\(start marker at \\[Source: [^;\\]]*(?:;[^\\]]*?line: (\\d+), column: (\\d+))?\\]\\)");
    private static final java.util.regex.Pattern CHARACTER_CODE = java.util.regex.Pattern.compile(
            "\\(('(?:[^']|'')*'|CTRL-CHAR, code \\d+) \\(code \\d+\\)\\)|\\(CTRL-CHAR, code (\\d+)\\)");

    /**
     * The parser's reason without the library's furniture: where an unclosed object or array
     * began in this file's lines (not "[Source: REDACTED (`StreamReadFeature...` disabled)"), a
     * character as itself rather than with its code, and no Java names.
     */
    private String inWeftWords(String message) {
        java.util.regex.Matcher start = START_MARKER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (start.find()) {
            start.appendReplacement(out, start.group(1) == null ? ""
                    : " (opened at line " + (Integer.parseInt(start.group(1)) + lineOffset) + ", column " + start.group(2) + ")");
        }
        start.appendTail(out);
        java.util.regex.Matcher code = CHARACTER_CODE.matcher(out.toString());
        StringBuilder plain = new StringBuilder();
        while (code.find()) {
            String shown = code.group(1) != null ? code.group(1) : "control character " + code.group(2);
            code.appendReplacement(plain, java.util.regex.Matcher.quoteReplacement(
                    shown.startsWith("CTRL-CHAR") ? "a control character" : shown));
        }
        code.appendTail(plain);
        String said = plain.toString().replaceAll("\\[Source:[^\\]]*\\]", "").replace("StreamReadFeature", "")
                .replace("JsonParser", "the parser").replace("Array", "array").replace("Object", "object")
                .replaceAll("\\s+", " ").strip();
        return said.isEmpty() ? "malformed JSON" : said;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
