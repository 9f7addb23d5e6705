package dev.weft.tui;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.SessionPicker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fills the session picker: the folder's session files at once (name, size, last change), then each
 * one read, most recent first, for its first line and node count. Reading never writes: a session
 * left by a crash is read with its journal, as {@code weft tree} reads it.
 */
final class SessionListing {
    /** The picker shows the most recent ones; older files stay in the folder. */
    static final int MOST = 200;

    private SessionListing() {}

    static void list(long request, Path folder, Clock clock, Executor work, Consumer<Msg> post) {
        work.execute(() -> {
            List<SessionPicker.Entry> entries = entries(folder);
            post.accept(new Msg.SessionsListed(request, entries, clock.instant()));
            for (SessionPicker.Entry e : entries) {
                post.accept(read(request, e));
            }
        });
    }

    static List<SessionPicker.Entry> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SessionPicker.Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(SessionListing::isSession).toList()) {
                try {
                    out.add(new SessionPicker.Entry(p.toString(), p.getFileName().toString(), Files.size(p),
                            Files.getLastModifiedTime(p).toInstant(), null, -1, null));
                } catch (IOException e) {
                    // gone between the listing and the look: not offered
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(SessionPicker.Entry::changed).reversed().thenComparing(SessionPicker.Entry::name));
        return out.size() > MOST ? List.copyOf(out.subList(0, MOST)) : out;
    }

    private static boolean isSession(Path p) {
        return p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p);
    }

    private static Msg.SessionRead read(long request, SessionPicker.Entry e) {
        try (SessionStore store = SessionStore.openReadOnly(Path.of(e.path()))) {
            Loom loom = store.loom();
            return new Msg.SessionRead(request, e.path(), firstLine(loom), loom.size(), null);
        } catch (SessionException | IOException | RuntimeException x) {
            String why = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
            if (why.startsWith(e.path())) {
                // the picker's row names the file already: its path and the place in it go
                why = why.substring(e.path().length()).replaceFirst("^(:\\d+)*:\\s*", "");
            }
            return new Msg.SessionRead(request, e.path(), null, -1, why);
        }
    }

    /** The first prompt's first non-blank line, or "" for an empty session. */
    static String firstLine(Loom loom) {
        if (loom.roots().isEmpty()) {
            return "";
        }
        NodeId root = loom.roots().get(0);
        for (String line : loom.pathText(root).split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
