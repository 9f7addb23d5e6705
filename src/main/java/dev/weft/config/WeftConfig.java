package dev.weft.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parsed config file: named backend profiles and which one is used by default.
 *
 * @param source where it was read from (for messages); null when there was no file
 */
public record WeftConfig(Path source, Map<String, Profile> profiles, String defaultProfile) {
    public static final WeftConfig EMPTY = new WeftConfig(null, Map.of(), null);

    public WeftConfig {
        profiles = Map.copyOf(profiles);
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Profile names in order, for completion and error messages. */
    public String profileNames() {
        return profiles.isEmpty() ? "(none)" : String.join(", ", new TreeMap<>(profiles).keySet());
    }

    public String describeSource() {
        return source == null ? "no config file" : source.toString();
    }
}
