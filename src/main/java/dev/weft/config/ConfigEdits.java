package dev.weft.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the loom writes into the config file: the answer to its start-screen offer of a model file
 * found on this machine. A yes adds a gguf profile for the file and makes it the default (unless a
 * default is set); a no sets {@code "offer_local_models": false}. Everything else in the file is
 * kept; a file that does not parse is never written; the new file replaces the old one atomically,
 * with the old one's permissions (a new file is readable by the user only: it may hold keys later).
 */
public final class ConfigEdits {
    /** {@code "offer_local_models": false}: the start screen does not offer model files found on this machine. */
    public static final String OFFER_KEY = "offer_local_models";
    /** Made on first use: an ObjectMapper costs a noticeable part of a start, and the loom asks this before its first frame. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ConfigEdits() {}

    /** Whether the start screen may offer a model file: not when the config says no (or cannot be read). */
    public static boolean offersLocalModels(Path config) {
        try {
            JsonNode offer = read(config).get(OFFER_KEY);
            return offer == null || !offer.isBoolean() || offer.asBoolean();
        } catch (ConfigException e) {
            return false; // the config's own error is reported where it is loaded; do not add to it
        }
    }

    /** Adds profile {@code name} for the model file and makes it the default when none is. */
    public static void useLocalModel(Path config, String name, Path file) throws ConfigException {
        ObjectNode root = read(config);
        JsonNode profiles = root.get("profiles");
        if (profiles != null && !profiles.isObject()) {
            throw new ConfigException("config " + config + ": 'profiles' must be an object of name → profile");
        }
        ObjectNode list = profiles == null ? root.putObject("profiles") : (ObjectNode) profiles;
        if (!list.has(name)) {
            list.putObject(name).put("api", "gguf").put("path", file.toString());
        }
        if (!root.hasNonNull("default_profile")) {
            root.put("default_profile", name);
        }
        write(config, root);
    }

    /** Records that the user keeps the embedded model: the offer is not made again. */
    public static void declineLocalModels(Path config) throws ConfigException {
        ObjectNode root = read(config);
        root.put(OFFER_KEY, false);
        write(config, root);
    }

    private static ObjectNode read(Path config) throws ConfigException {
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return JsonNodeFactory.instance.objectNode(); // no mapper needed to say there is nothing

        } catch (IOException e) {
            throw new ConfigException("config " + config + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = Mapper.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + config + ": not valid JSON, left as it is: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Mapper.JSON.createObjectNode(); // an empty file
        }
        if (!root.isObject()) {
            throw new ConfigException("config " + config + ": expected a JSON object at the top, left as it is");
        }
        return (ObjectNode) root;
    }

    private static void write(Path config, ObjectNode root) throws ConfigException {
        try {
            Path dir = config.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
            if (Files.exists(config)) {
                try {
                    perms = Files.getPosixFilePermissions(config);
                } catch (UnsupportedOperationException e) {
                    perms = null;
                }
            }
            Path temp = dir.resolve("." + config.getFileName() + ".tmp");
            Files.writeString(temp, Mapper.JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            if (perms != null) {
                try {
                    Files.setPosixFilePermissions(temp, perms);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigException("config " + config + ": cannot write: " + e.getMessage());
        }
    }
}
