package dev.weft.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A journal entry as one JSON line: {@code {"seq": N, "at": ISO-8601, "kind": K, …fields of K}}.
 * The first three fields come in that order so a reader knows what follows; kinds are the
 * loom actions of {@link LoomActionCodec}, {@code view}, {@code backend}, and the analyses
 * {@code dist}, {@code sweep}, {@code multiverse} and {@code compare} ({@link AnalysisCodec}).
 */
final class JournalCodec {
    private JournalCodec() {}

    /** The entry's line, newline included. */
    static byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = SessionFormat.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", entry.seq());
            g.writeStringField("at", entry.at().toString());
            if (entry instanceof JournalEntry.Action a) {
                LoomActionCodec.write(g, a.action());
            } else if (entry instanceof JournalEntry.ViewChange v) {
                g.writeStringField("kind", "view");
                ViewCodec.writeFields(g, v.view());
            } else if (entry instanceof JournalEntry.AnalysisRun r) {
                g.writeStringField("kind", r.record().kind());
                AnalysisCodec.writeFields(g, r.record());
            } else {
                BackendUse use = ((JournalEntry.BackendUsed) entry).use();
                g.writeStringField("kind", "backend");
                g.writeStringField("profile", use.profile());
                g.writeStringField("backend", use.backend());
                g.writeStringField("model", use.model());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e); // a ByteArrayOutputStream does not fail
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Decodes one line (without its newline) of {@code journal}, reporting errors at {@code lineNumber}. */
    static JournalEntry decode(byte[] bytes, int offset, int length, String journal, int lineNumber)
            throws SessionException {
        try (JsonParser parser = SessionFormat.JSON.createParser(
                new Utf8Check(new java.io.ByteArrayInputStream(bytes, offset, length)))) {
            JsonInput in = new JsonInput(parser, journal, lineNumber);
            in.next();
            JournalEntry entry = readEntry(in);
            if (in.next() != null) {
                throw in.error("unexpected content after the entry (one entry per line)");
            }
            return entry;
        } catch (Utf8Check.Malformed e) {
            throw new SessionException(journal + ":" + (lineNumber + e.line - 1) + ":" + e.column + ": invalid UTF-8: "
                    + e.reason, e);
        } catch (IOException e) {
            throw new SessionException(journal + ":" + lineNumber + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JournalEntry readEntry(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        Entry e = new Entry();
        in.object("a journal entry", name -> {
            e.count++;
            String expected = e.count == 1 ? "seq" : e.count == 2 ? "at" : e.count == 3 ? "kind" : null;
            if (expected != null && !name.equals(expected)) {
                throw in.fieldError("expected " + JsonInput.quoted(expected)
                        + " here: an entry starts with seq, at and kind");
            }
            switch (e.count) {
                case 1 -> {
                    e.seq = in.longValue("\"seq\"");
                    if (e.seq < 1) {
                        throw in.expected("\"seq\"", "an integer >= 1");
                    }
                }
                case 2 -> e.at = in.instant("\"at\"");
                case 3 -> e.kind = in.string("\"kind\"");
                default -> {
                    if (!e.readBodyField(in, name)) {
                        throw in.unknownField(name, "a " + e.kind + " entry");
                    }
                }
            }
            if (e.count == 3) {
                e.startBody(in);
            }
        });
        if (e.count < 3) {
            in.require(start, "a journal entry", e.count == 0 ? "seq" : e.count == 1 ? "at" : "kind", null);
        }
        return e.build(in, start);
    }

    /** The entry being read: its envelope, then the fields of whichever kind it is. */
    private static final class Entry {
        int count;
        long seq;
        Instant at;
        String kind;
        LoomActionCodec.Fields action;
        ViewCodec.Fields view;
        BackendFields backend;
        AnalysisCodec.Fields analysis;

        void startBody(JsonInput in) throws SessionException {
            switch (kind) {
                case "view" -> view = new ViewCodec.Fields();
                case "backend" -> backend = new BackendFields();
                case AnalysisCodec.DIST, AnalysisCodec.SWEEP, MultiverseCodec.KIND, CompareCodec.KIND -> analysis = new AnalysisCodec.Fields(kind);
                default -> {
                    if (!LoomActionCodec.isActionKind(kind)) {
                        throw in.error("unknown entry kind " + JsonInput.quoted(kind));
                    }
                    action = new LoomActionCodec.Fields(kind);
                }
            }
        }

        boolean readBodyField(JsonInput in, String name) throws SessionException {
            return action != null ? action.read(in, name)
                    : view != null ? view.read(in, name)
                    : analysis != null ? analysis.read(in, name)
                    : backend.read(in, name);
        }

        JournalEntry build(JsonInput in, JsonInput.Mark start) throws SessionException {
            if (action != null) {
                return new JournalEntry.Action(seq, at, action.build(in, start));
            }
            if (view != null) {
                return new JournalEntry.ViewChange(seq, at, view.build(in, start, "this view entry"));
            }
            if (analysis != null) {
                return new JournalEntry.AnalysisRun(seq, analysis.build(in, start, at));
            }
            return new JournalEntry.BackendUsed(seq, at, backend.use(in, start));
        }
    }
}
