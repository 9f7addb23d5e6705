package dev.weft.replay;

import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionJournal;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a session recorded: its journal from the first entry on, the empty session it started
 * from, and the session the file and journal hold now (where a replay must arrive). The journal
 * is the recording (weft-session(5)): each user action and each model response, in order.
 *
 * @param name     how messages name the session (its file)
 * @param start    the empty session the first entry applies to
 * @param entries  every journal entry, from seq 1
 * @param end      the session as opened now: the file plus the journal entries after it
 * @param warnings problems worked around while reading (a last journal line cut by a crash)
 */
public record Recording(String name, Session start, List<JournalEntry> entries, Session end, List<String> warnings) {
    public Recording {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** Reads a session and its journal without writing anything. */
    public static Recording open(Path file) throws SessionException {
        Session end;
        SessionJournal.Contents journal;
        List<String> warnings;
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            end = store.session();
            journal = store.journal();
            warnings = store.warnings();
        } catch (IOException e) {
            throw new SessionException(file + ": cannot close: " + e.getMessage(), e);
        }
        Path journalFile = SessionFile.journalOf(file);
        if (journal.entries().isEmpty() && end.loom().size() > 0) {
            throw new SessionException(file + ": nothing to replay: its journal " + journalFile.getFileName()
                    + " is missing or empty (a session file alone holds the tree, not how it grew)");
        }
        if (!journal.entries().isEmpty() && journal.entries().get(0).seq() != 1) {
            throw new SessionException(journalFile + ": the recording starts at seq " + journal.entries().get(0).seq()
                    + "; the entries before it are missing, so it cannot be replayed from the start");
        }
        return new Recording(file.toString(), Session.empty(end.created()), journal.entries(), end, warnings);
    }

    public int size() {
        return entries.size();
    }
}
