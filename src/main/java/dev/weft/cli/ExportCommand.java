package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.exchange.LoomJsonExport;
import dev.weft.exchange.MarkdownExport;
import dev.weft.exchange.PathEnd;
import dev.weft.exchange.TextExport;
import dev.weft.loom.NodeId;
import dev.weft.session.Session;
import dev.weft.session.SessionFile;
import dev.weft.session.SessionStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a session in another format: Markdown, plain text, weft's own JSON or socketteer/loom's"
                + " tree file.",
                "md is the tree as nested sections (or the current path with --path), each token the model gave"
                        + " less than 50%% followed by its probability; txt the plain text of the current path; json"
                        + " the session file itself; loom a tree file that opens in socketteer/loom, tokens and"
                        + " alternatives included."})
final class ExportCommand implements Callable<Integer> {
    /**
     * Made on first use, not when picocli builds the command tree. A loom export may be printed
     * with cat: C1 controls and bidi overrides are escaped as session files do.
     */
    private static final class Pretty {
        static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                .characterEscapes(new dev.weft.session.TerminalSafeEscapes()).build()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Parameters(paramLabel = "FILE", description = "A session file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "md, txt, json or loom.")
    String format;

    @Option(names = "--path", description = "md: only the current path, not the whole tree.")
    boolean pathOnly;

    @Option(names = "--node", paramLabel = "ID",
            description = "Where the current path ends (default: the node the session's view is at).")
    Integer node;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write here instead of standard output (never over an existing file).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pathOnly && !format.equals("md")) {
            throw new UsageException("--path goes with --format md (txt is always the path; json and loom are trees)");
        }
        if (out != null && Files.exists(out)) {
            throw new UsageException(out + " exists; choose another name");
        }
        Session session;
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            store.warnings().forEach(w -> spec.commandLine().getErr().println("weft: " + w));
            session = store.session();
        }
        byte[] bytes = switch (format) {
            case "md" -> utf8(pathOnly ? MarkdownExport.path(file.toString(), session, end(session))
                    : MarkdownExport.tree(file.toString(), session));
            case "txt" -> utf8(TextExport.path(session.loom(), end(session)));
            case "json" -> sessionFile(session);
            case "loom" -> Pretty.MAPPER.writeValueAsBytes(LoomJsonExport.of(session));
            default -> throw new UsageException("unknown format '" + format + "': expected md, txt, json or loom");
        };
        if (out != null) {
            Files.write(out, bytes);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(new String(bytes, StandardCharsets.UTF_8));
            stdout.flush();
        }
        return 0;
    }

    private NodeId end(Session session) {
        try {
            return PathEnd.of(session, node == null ? null : new NodeId(node))
                    .orElseThrow(() -> new UsageException(file + " is empty: there is no path to export"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sessionFile(Session session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SessionFile.write(session, bytes);
        return bytes.toByteArray();
    }
}
