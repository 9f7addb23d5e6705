package dev.weft.tui;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a session file, creating it when it does not exist yet. */
@FunctionalInterface
public interface SessionOpener {
    LoomSession open(Path path) throws IOException;
}
