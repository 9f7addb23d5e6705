package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save killed mid-write leaves its temp file; opening the session removes this session's stale ones, nothing else. */
class StaleTempFilesTest {
    @TempDir
    Path dir;

    @Test
    void openingRemovesOnlyThisSessionsTempFilesWhoseWriterIsGone() throws Exception {
        Path file = dir.resolve("s.json");
        SessionStore.openOrCreate(file).close();
        long gone = deadPid();
        long alive = ProcessHandle.current().pid();
        Path stale = touch(".s.json.w" + gone + "-123456.tmp");
        Path staleOld = touch(".s.json.8830249175132.tmp");
        Files.setLastModifiedTime(staleOld, FileTime.from(Instant.now().minusSeconds(3600)));
        Path freshOld = touch(".s.json.4411.tmp");                  // an old-style name, just written: maybe a live save
        Path live = touch(".s.json.w" + alive + "-99.tmp");          // this process is saving
        Path other = touch(".t.json.w" + gone + "-1.tmp");           // another session's
        Path notOurs = touch(".s.json.wabc.tmp");                    // not weft's name
        Path userFile = touch("s.json.bak");

        try (SessionStore store = SessionStore.open(file)) {
            assertEquals(List.of("2 temp files left by an interrupted save removed"), store.warnings());
        }
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleOld));
        for (Path kept : List.of(freshOld, live, other, notOurs, userFile)) {
            assertTrue(Files.exists(kept), kept + " was removed");
        }
        // a read-only open (weft tree, export) never removes anything
        Path another = touch(".s.json.w" + gone + "-7.tmp");
        SessionStore.openReadOnly(file).close();
        assertTrue(Files.exists(another));
    }

    @Test
    void aSaveNamesItsTempFileAfterItsWriterAndLeavesNoneBehind() throws Exception {
        Path file = dir.resolve("n.json");
        Path temp = SaveTemps.next(file.toAbsolutePath());
        assertEquals(ProcessHandle.current().pid(), SaveTemps.writerOf(file.toAbsolutePath(), temp).getAsLong());
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            store.save();
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("n.json", "n.json.journal"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private Path touch(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "partial");
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pid;
    }
}
