package dev.weft.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.analysis.AnalysisRecord;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.TokenRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a session file in one streaming pass, strictly: the file must start with its format
 * and a version this weft reads, every field must be known and present, and the tree must be
 * consistent. Any problem is a {@link SessionException} naming file, line and column.
 */
final class SessionReader {
    private SessionReader() {}

    static Session read(Path file) throws SessionException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream, file.toString());
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file", e);
        } catch (IOException e) {
            throw new SessionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a session from a stream, naming it {@code source} in errors. */
    static Session read(InputStream stream, String source) throws SessionException {
        return read(stream, source, null, true);
    }

    /**
     * Reads a session as {@link #read} does, every check included, but leaves out the tokens'
     * alternatives (kept, they are most of a big tree's objects): for commands that show none.
     * A version-1 file is read whole.
     */
    static Session readWithoutAlternatives(Path file) throws SessionException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream, file.toString(), null, false);
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file", e);
        } catch (IOException e) {
            throw new SessionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the start of a session file: its header, tables and the nodes of the view's
     * path, which a version-2 file written by this weft holds before the others. The session
     * returned has a loom of that path alone (each node's children cut to the next one on it);
     * null when the file does not start its nodes with the view's path (version 1, an older
     * file, an empty tree). What it read is checked as {@link #read} checks it.
     */
    static Session readViewPath(Path file) throws SessionException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream, file.toString(), new PathFirst(), true);
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file", e);
        } catch (IOException e) {
            throw new SessionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Session read(InputStream stream, String source, PathFirst pathFirst, boolean alternatives)
            throws SessionException {
        try (JsonParser parser = SessionFormat.JSON.createParser(new Utf8Check(stream))) {
            JsonInput in = new JsonInput(parser, source, 1);
            if (in.next() == null) {
                throw new SessionException(source + ": empty file, not a weft session");
            }
            Session session;
            try {
                session = readSession(in, source, pathFirst, alternatives);
            } catch (PathFirst.Done done) {
                return pathFirst.session(done.fields, source);
            }
            if (pathFirst != null) {
                return null; // the nodes did not start with the view's path
            }
            if (in.next() != null) {
                throw in.error("unexpected content after the session object");
            }
            return session;
        } catch (Utf8Check.Malformed e) {
            throw new SessionException(source + ":" + e.line + ":" + e.column + ": invalid UTF-8: " + e.reason, e);
        } catch (IOException e) {
            throw new SessionException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The top-level fields of a version-2 session whose {@code "nodes"} array starts at byte
     * {@code nodesAt} of {@code head} (the file up to that {@code [}), read and checked as {@link #read}
     * reads them; its nodes are left to the caller ({@link OutlineReader}). Null when the file is not
     * of that shape (version 1, the nodes elsewhere or before the tables): the caller reads it whole.
     */
    static Head readHead(byte[] head, int nodesAt, String source) throws SessionException {
        java.io.InputStream stream = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, nodesAt + 1),
                new java.io.ByteArrayInputStream(new byte[] {']', '}'}));
        try (JsonParser parser = SessionFormat.JSON.createParser(new Utf8Check(stream))) {
            JsonInput in = new JsonInput(parser, source, 1);
            if (in.next() == null) {
                return null;
            }
            long[] at = {-1};
            TopFields f = readFields(in, null, false, at);
            if (f.version < 2 || at[0] != nodesAt || f.pieces == null || f.generations == null
                    || in.next() != null) {
                return null;
            }
            return new Head(f.created, f.saved, f.journalSeq, f.backends, f.view, f.analyses, f.nextId, f.roots,
                    f.pieces, f.generations);
        } catch (Utf8Check.Malformed e) {
            return null;
        } catch (IOException e) {
            throw new SessionException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The top-level fields of a version-2 session besides its nodes, as {@link #readHead} read them. */
    record Head(Instant created, Instant saved, long journalSeq, SessionBackends backends, SessionView view,
                List<AnalysisRecord> analyses, int nextId, List<NodeId> roots, PieceTable pieces,
                List<Generation> generations) {}

    private static Session readSession(JsonInput in, String source, PathFirst pathFirst, boolean alternatives)
            throws SessionException {
        TopFields f = readFields(in, pathFirst, alternatives, null);
        Loom loom;
        try {
            loom = Loom.of(f.nodes, f.roots, f.nextId);
        } catch (IllegalArgumentException e) {
            throw new SessionException(source + ": inconsistent tree: " + e.getMessage(), e);
        }
        return new Session(f.created, f.saved, f.journalSeq, f.backends, f.view, loom, f.analyses);
    }

    /**
     * The session object's fields, every one checked; {@code nodesAt}, when given, receives the byte
     * offset of the version-2 {@code "nodes"} array instead of its nodes being read.
     */
    private static TopFields readFields(JsonInput in, PathFirst pathFirst, boolean alternatives, long[] nodesAt)
            throws SessionException {
        JsonInput.Mark start = in.mark();
        TopFields f = new TopFields();
        in.object("the session", name -> {
            f.count++;
            if (f.count == 1 && !name.equals("format") || f.count == 2 && !name.equals("version")) {
                throw in.fieldError("expected " + JsonInput.quoted(f.count == 1 ? "format" : "version")
                        + " here: a weft session starts with its format and version");
            }
            String field = JsonInput.quoted(name);
            switch (name) {
                case "format" -> {
                    if (!SessionFormat.FORMAT.equals(in.string(field))) {
                        throw in.error("not a weft session (format is not \"" + SessionFormat.FORMAT + "\")");
                    }
                }
                case "version" -> f.version = checkVersion(in, in.intValue(field));
                case "created" -> f.created = in.instant(field);
                case "saved" -> f.saved = in.instant(field);
                case "journal_seq" -> {
                    f.journalSeq = in.longValue(field);
                    if (f.journalSeq < 0) {
                        throw in.expected(field, "an integer >= 0");
                    }
                }
                case "backends" -> f.backends = readBackends(in);
                case "view" -> f.view = ViewCodec.read(in, field);
                case "analyses" -> {
                    if (f.version < 2) {
                        throw in.unknownField(name, "a version-1 session");
                    }
                    List<AnalysisRecord> analyses = new ArrayList<>();
                    in.array(field, i -> analyses.add(AnalysisCodec.read(in, "analysis " + (i + 1))));
                    f.analyses = analyses;
                }
                case "next_id" -> f.nextId = in.intValue(field);
                case "roots" -> {
                    List<NodeId> roots = new ArrayList<>();
                    in.array(field, i -> roots.add(in.nodeId("a root")));
                    f.roots = roots;
                }
                case "pieces" -> f.pieces = !f.compact(in, name) ? null
                        : pathFirst != null || !alternatives ? PieceTable.readLazily(in, field) : PieceTable.read(in, field);
                case "generations" ->
                        f.generations = f.compact(in, name) ? CompactNodes.readGenerations(in, field) : null;
                case "nodes" -> {
                    List<Node> nodes = new ArrayList<>();
                    if (nodesAt != null && f.version >= 2) {
                        nodesAt[0] = in.byteOffset();
                        in.array(field, i -> {
                            throw in.error("nodes where the file's were cut off");
                        });
                    } else if (f.version >= 2) {
                        CompactNodes.Tables tables = new CompactNodes.Tables(f.pieces, f.generations, alternatives);
                        in.array(field, i -> {
                            Node node = CompactNodes.readNode(in, tables);
                            nodes.add(node);
                            if (pathFirst != null) {
                                pathFirst.offer(f, node);
                            }
                        });
                    } else if (pathFirst != null) {
                        throw new PathFirst.Done(null); // version 1: no path first
                    } else {
                        in.array(field, i -> nodes.add(readNode(in)));
                    }
                    f.nodes = nodes;
                    if (f.pieces != null) {
                        f.pieces.checkUnbuilt(in); // what the nodes did not use (alternatives, when left out)
                    }
                }
                default -> throw in.unknownField(name, "the session");
            }
        });
        String where = "the session";
        in.require(start, where, "format", f.count >= 1 ? Boolean.TRUE : null);
        in.require(start, where, "version", f.count >= 2 ? Boolean.TRUE : null);
        in.require(start, where, "created", f.created);
        in.require(start, where, "saved", f.saved);
        in.require(start, where, "journal_seq", f.journalSeq);
        in.require(start, where, "backends", f.backends);
        in.require(start, where, "view", f.view);
        in.require(start, where, "next_id", f.nextId);
        in.require(start, where, "roots", f.roots);
        in.require(start, where, "nodes", f.nodes);
        if (f.version >= 2) {
            in.require(start, where, "pieces", f.pieces);
            in.require(start, where, "generations", f.generations);
        }
        return f;
    }

    private static int checkVersion(JsonInput in, int version) throws SessionException {
        if (version > SessionFormat.VERSION) {
            throw in.error("written by a newer weft (format version " + version + "); this weft reads up to version "
                    + SessionFormat.VERSION);
        }
        if (version < 1) {
            throw in.expected("\"version\"", "a format version >= 1");
        }
        return version;
    }

    private static SessionBackends readBackends(JsonInput in) throws SessionException {
        TreeMap<String, SessionBackends.Profile> profiles = new TreeMap<>();
        in.object("\"backends\"", profile -> {
            String where = "backend profile " + JsonInput.quoted(profile);
            JsonInput.Mark start = in.mark();
            String[] backend = new String[1];
            List<String> models = new ArrayList<>();
            boolean[] modelsSeen = new boolean[1];
            in.object(where, name -> {
                switch (name) {
                    case "backend" -> backend[0] = in.string("\"backend\"");
                    case "models" -> {
                        in.array("\"models\"", i -> models.add(in.string("a model name")));
                        modelsSeen[0] = true;
                    }
                    default -> throw in.unknownField(name, where);
                }
            });
            in.require(start, where, "backend", backend[0]);
            in.require(start, where, "models", modelsSeen[0] ? Boolean.TRUE : null);
            profiles.put(profile, new SessionBackends.Profile(backend[0], models));
        });
        return new SessionBackends(profiles);
    }

    private static Node readNode(JsonInput in) throws SessionException {
        JsonInput.Mark start = in.mark();
        NodeFields f = new NodeFields();
        in.object("a node", name -> {
            if (f.place.read(in, name)) {
                return;
            }
            String field = JsonInput.quoted(name);
            switch (name) {
                case "text" -> in.string(field); // informative: the tokens are the text
                case "generation" -> {
                    f.generation = GenerationCodec.readNullable(in, field);
                    f.generationSeen = true;
                }
                case "tokens" -> f.tokens = TokenCodec.read(in, field);
                default -> throw in.unknownField(name, "a node");
            }
        });
        NodePlace p = f.place;
        p.require(in, start);
        in.require(start, p.where(), "generation", f.generationSeen ? Boolean.TRUE : null);
        in.require(start, p.where(), "tokens", f.tokens);
        return new Node(p.id, p.parent, p.origin, f.tokens, p.children, f.generation, p.bookmarked, p.deleted);
    }

    /** Collects the view's path from the first nodes, and stops the reading once it is complete. */
    private static final class PathFirst {
        private final List<Node> up = new ArrayList<>();

        /** Ends the reading early: the path is complete ({@code fields} set), or not at the start (null). */
        static final class Done extends RuntimeException {
            final TopFields fields;

            Done(TopFields fields) {
                super(null, null, false, false);
                this.fields = fields;
            }
        }

        /** Takes node {@code up.size()} of the file: the path's end first, then each parent up to a root. */
        void offer(TopFields f, Node node) {
            NodeId expected = up.isEmpty() ? null : up.get(up.size() - 1).parent();
            boolean onPath = up.isEmpty()
                    ? f.view != null && (node.id().equals(ViewPath.end(f.view)) || node.id().equals(f.view.current()))
                    : node.id().equals(expected);
            if (!onPath) {
                throw new Done(null);
            }
            up.add(node);
            if (node.parent() == null) {
                throw new Done(f);
            }
        }

        Session session(TopFields f, String source) throws SessionException {
            if (f == null || f.created == null || f.saved == null || f.journalSeq == null || f.backends == null
                    || f.nextId == null || node(f.view.current()) == null) {
                return null;
            }
            List<Node> path = new ArrayList<>(up.size());
            NodeId child = null;
            for (Node n : up) {
                path.add(new Node(n.id(), n.parent(), n.origin(), n.tokens(), child == null ? List.of() : List.of(child),
                        n.generation(), n.bookmarked(), n.deleted()));
                child = n.id();
            }
            try {
                Loom loom = Loom.of(path, List.of(child), f.nextId);
                return new Session(f.created, f.saved, f.journalSeq, f.backends, f.view, loom);
            } catch (IllegalArgumentException e) {
                throw new SessionException(source + ": inconsistent tree: " + e.getMessage(), e);
            }
        }

        private Node node(NodeId id) {
            for (Node n : up) {
                if (n.id().equals(id)) {
                    return n;
                }
            }
            return null;
        }
    }

    private static final class TopFields {
        int count;
        int version;
        PieceTable pieces;
        List<Generation> generations;

        /** Whether a version-2 table may stand here (version 1 has none). */
        boolean compact(JsonInput in, String name) throws SessionException {
            if (version < 2) {
                throw in.unknownField(name, "a version-1 session");
            }
            return true;
        }
        Instant created;
        Instant saved;
        Long journalSeq;
        SessionBackends backends;
        SessionView view;
        Integer nextId;
        List<NodeId> roots;
        List<Node> nodes;
        /** Optional: absent when the session kept no analysis. */
        List<AnalysisRecord> analyses = List.of();
    }

    private static final class NodeFields {
        final NodePlace place = new NodePlace();
        Generation generation;
        boolean generationSeen;
        TokenRun tokens;
    }
}
