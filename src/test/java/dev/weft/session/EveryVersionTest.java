package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.replay.Recording;
import dev.weft.replay.Replay;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Replaying an old file must keep working after weft changes: for every format version up to the
 * current one a session of that version is checked in (example-vN.json and its journal), and it
 * must still open and replay to the tree it holds. Bumping {@link SessionFormat#VERSION} without
 * checking in a file of the new version, or breaking an old one, fails here. (The journal's
 * lines did not change with version 2: its example journal is version 1's.)
 */
class EveryVersionTest {
    @Test
    void aSessionOfEveryVersionStillReplays() throws Exception {
        for (int version = 1; version <= SessionFormat.VERSION; version++) {
            URL file = EveryVersionTest.class.getResource("example-v" + version + ".json");
            assertNotNull(file, "no checked-in session of format version " + version);
            assertNotNull(EveryVersionTest.class.getResource("example-v" + version + ".json.journal"),
                    "no journal for the session of format version " + version);
            Replay replay = Replay.of(Recording.open(Path.of(file.toURI())));
            assertTrue(replay.rebuildsTheSession(), "version " + version + " replays to its tree");
        }
    }
}
