package dev.weft.replay;

import dev.weft.loom.Interrupted;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Reads a session and its journal without writing anything: the file, then the journal once,
     * applying the entries the file does not include yet, as opening a session does.
     */
    public static Recording open(Path file) throws SessionException {
        if (!Files.exists(file)) {
            throw new SessionException(file + ": no such session file");
        }
        Session saved = SessionFile.read(file);
        Path journalFile = SessionFile.journalOf(file);
        SessionJournal.Contents journal = SessionJournal.read(journalFile);
        List<JournalEntry> entries = journal.entries();
        if (entries.isEmpty() && saved.loom().size() > 0) {
            throw new SessionException(file + ": nothing to replay: its journal " + journalFile.getFileName()
                    + " is missing or empty (a session file alone holds the tree, not how it grew)");
        }
        if (!entries.isEmpty() && entries.get(0).seq() != 1) {
            throw new SessionException(journalFile + ": the recording starts at seq " + entries.get(0).seq()
                    + "; the entries before it are missing, so it cannot be replayed from the start");
        }
        Session end = saved;
        for (JournalEntry entry : entries) {
            if (entry.seq() > saved.journalSeq()) {
                try {
                    end = end.apply(entry);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new SessionException(journalFile + ": entry seq " + entry.seq()
                            + " does not apply to the session: " + e.getMessage(), e);
                }
            }
        }
        List<String> warnings = new ArrayList<>(journal.warnings());
        int interrupted = Interrupted.cuts(end.loom()).size();
        if (interrupted > 0) {
            warnings.add(Interrupted.notice(interrupted));
            end = end.withInterruptedCut();
        }
        return new Recording(file.toString(), Session.empty(saved.created()), entries, end, warnings);
    }

    public int size() {
        return entries.size();
    }
}
