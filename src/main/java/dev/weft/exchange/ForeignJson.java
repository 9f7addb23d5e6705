package dev.weft.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value in a JSON file another tool wrote, with its path from the top ({@code $.root.children[2]})
 * so that every complaint about it names the file and the place: the file is untrusted input, and
 * the user must be able to find what is wrong.
 */
final class ForeignJson {
    /** Loom trees nest two levels per node; deep chains are normal. Jackson builds trees without recursion. */
    private static final int MAX_DEPTH = 1_000_000;
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private final String file;
    private final String path;
    private final JsonNode value;

    private ForeignJson(String file, String path, JsonNode value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    static ForeignJson read(Path file) throws ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode value = MAPPER.readTree(in);
            if (value == null || value.isMissingNode()) {
                throw new ImportException(file + ": empty file");
            }
            return new ForeignJson(file.toString(), "$", value);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            String reason = e.getOriginalMessage() == null ? "malformed JSON"
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ImportException(file + ":" + where + "not JSON: " + reason, e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    String path() {
        return path;
    }

    boolean isArray() {
        return value.isArray();
    }

    boolean isObject() {
        return value.isObject();
    }

    boolean isNull() {
        return value.isNull();
    }

    boolean has(String field) {
        return value.isObject() && value.has(field) && !value.get(field).isNull();
    }

    /** The field, which must be there and not null. */
    ForeignJson field(String name) throws ImportException {
        requireObject();
        JsonNode child = value.get(name);
        if (child == null || child.isNull()) {
            throw error("missing \"" + name + "\"");
        }
        return new ForeignJson(file, path + "." + name, child);
    }

    /** The field, or empty when it is absent or null. */
    Optional<ForeignJson> optional(String name) throws ImportException {
        requireObject();
        return has(name) ? Optional.of(field(name)) : Optional.empty();
    }

    String string() throws ImportException {
        if (!value.isTextual()) {
            throw error("expected a string");
        }
        return value.textValue();
    }

    double number() throws ImportException {
        if (!value.isNumber()) {
            throw error("expected a number");
        }
        return value.doubleValue();
    }

    /** An integer >= 0 of any size, as its decimal digits: ids other tools draw at random can pass 2^53. */
    String wholeNumber() throws ImportException {
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0) {
            throw error("expected an integer >= 0");
        }
        return value.bigIntegerValue().toString();
    }

    /** A number, or NaN for null: foreign files write null for a logprob nobody computed. */
    double numberOrNaN() throws ImportException {
        return value.isNull() ? Double.NaN : number();
    }

    boolean bool() throws ImportException {
        if (!value.isBoolean()) {
            throw error("expected true or false");
        }
        return value.booleanValue();
    }

    /** True when the value is a boolean true, or any string other than empty (some tools write a reason). */
    boolean truthy() {
        return value.isBoolean() ? value.booleanValue() : value.isTextual() && !value.textValue().isEmpty();
    }

    List<ForeignJson> elements() throws ImportException {
        if (!value.isArray()) {
            throw error("expected an array");
        }
        List<ForeignJson> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(new ForeignJson(file, path + "[" + i + "]", value.get(i)));
        }
        return out;
    }

    /** The members of an object, in file order. */
    Map<String, ForeignJson> members() throws ImportException {
        requireObject();
        Map<String, ForeignJson> out = new LinkedHashMap<>();
        value.properties().forEach(e -> out.put(e.getKey(),
                new ForeignJson(file, path + "." + e.getKey(), e.getValue())));
        return out;
    }

    /** A complaint about this value, naming the file and the path. */
    ImportException error(String reason) {
        return new ImportException(file + ": " + path + ": " + reason);
    }

    private void requireObject() throws ImportException {
        if (!value.isObject()) {
            throw error("expected an object");
        }
    }
}
