package dev.weft.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temp files a save writes beside a session ({@code .NAME.w<pid>-<random>.tmp}), and
 * removing the ones a killed save left behind. The writer's process id is in the name, so a
 * stale one is told apart from a save in progress by asking whether that process still runs.
 * Names of older weft versions ({@code .NAME.<digits>.tmp}, no writer recorded) count as stale
 * once untouched for {@link #OLD_NAME_GRACE}: no save leaves its temp file idle that long.
 */
final class SaveTemps {
    static final Duration OLD_NAME_GRACE = Duration.ofMinutes(10);
    private static final Pattern TAIL = Pattern.compile("(?:w(\\d{1,19})-)?(\\d{1,20})\\.tmp");

    private SaveTemps() {}

    /** A fresh temp name for a save of {@code target}, naming this process as its writer. */
    static Path next(Path target) {
        long random = ThreadLocalRandom.current().nextLong() >>> 1;
        return target.resolveSibling("." + target.getFileName() + ".w" + ProcessHandle.current().pid() + "-" + random + ".tmp");
    }

    /** The writer a temp name records: empty for another file, -1 for an old name with no writer. */
    static OptionalLong writerOf(Path target, Path candidate) {
        String prefix = "." + target.getFileName() + ".";
        String name = candidate.getFileName().toString();
        if (!name.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        Matcher m = TAIL.matcher(name.substring(prefix.length()));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(m.group(1) == null ? -1 : Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Removes the temp files of {@code target} whose writer is gone; returns what it removed.
     * Only regular files with this session's temp name are touched; anything it cannot read or
     * remove is left as it is.
     */
    static List<Path> removeStale(Disk disk, Path target, Instant now) {
        Path dir = target.toAbsolutePath().getParent();
        Path absolute = target.toAbsolutePath();
        List<Path> removed = new ArrayList<>();
        String glob = "." + escapeGlob(target.getFileName().toString()) + ".*.tmp";
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path candidate : stream) {
                OptionalLong writer = writerOf(absolute, candidate);
                if (writer.isEmpty() || !Files.isRegularFile(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !stale(candidate, writer.getAsLong(), now)) {
                    continue;
                }
                disk.delete(candidate);
                removed.add(candidate);
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: a directory we cannot list keeps its files
        }
        return removed;
    }

    private static boolean stale(Path candidate, long writer, Instant now) throws IOException {
        if (writer >= 0) {
            return writer != ProcessHandle.current().pid() && ProcessHandle.of(writer).map(p -> !p.isAlive()).orElse(true);
        }
        FileTime modified = Files.getLastModifiedTime(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().plus(OLD_NAME_GRACE).isBefore(now);
    }

    private static String escapeGlob(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
