package dev.weft.model.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the HTTP backends, and small readers over untrusted JSON. */
public final class Json {
    /** Servers write NaN and Infinity for impossible logprobs; reading them beats failing the whole response. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses one JSON document; the exception message is one line without the source text. */
    public static JsonNode read(String text) throws MalformedJson {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJson("empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJson(e.getOriginalMessage().lines().findFirst().orElse("malformed JSON")
                    + " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
    }

    static JsonNode readOrNull(String text) {
        try {
            return read(text);
        } catch (MalformedJson e) {
            return null;
        }
    }

    /** A JSON number as a double, or NaN for null, a missing field or a non-number. */
    public static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** Thrown for a body that is not the JSON it should be. */
    public static final class MalformedJson extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedJson(String message) {
            super(message);
        }
    }

    /** Copies every field of {@code extra} into {@code target}, merging nested objects (Ollama's {@code options}). */
    public static void merge(ObjectNode target, ObjectNode extra) {
        extra.properties().forEach(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode into && e.getValue() instanceof ObjectNode from) {
                merge(into, from);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }
}
