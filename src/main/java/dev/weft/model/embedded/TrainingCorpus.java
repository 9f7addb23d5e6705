package dev.weft.model.embedded;

import dev.weft.model.ModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The text the embedded model learns from, as documents: the English Europarl sample bundled
 * in the jar, or a user's UTF-8 text file. A file with blank lines is split into paragraphs;
 * otherwise each non-blank line is a document.
 */
public final class TrainingCorpus {
    static final String EUROPARL_RESOURCE = "europarl-en.txt.gz";
    /** The bundled corpus's name (in the model's name). */
    public static final String EUROPARL = "europarl-en";
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    /** Produces the text on demand: a start that finds its model in the cache never needs it. */
    @FunctionalInterface
    private interface Text {
        String read() throws ModelException;
    }

    /** Beside the bundled corpus: its SHA-256, written by the build (see {@link CorpusExtractor}). */
    static final String DIGEST_SUFFIX = ".sha256";

    private final String name;
    private final String digest;
    private final Text text;

    private TrainingCorpus(String name, String digest, Text text) {
        this.name = name;
        this.digest = digest;
        this.text = text;
    }

    /**
     * The bundled English Europarl documents (one per line, gzipped in the jar). Only its digest,
     * made at build time, is read now: a start whose model is in the cache reads nothing more.
     */
    public static TrainingCorpus europarl() throws ModelException {
        String digest;
        try (InputStream in = TrainingCorpus.class.getResourceAsStream(EUROPARL_RESOURCE + DIGEST_SUFFIX)) {
            digest = in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            digest = null;
        }
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            digest = digestOf(bundled()); // a build without the digest file: hash it now, as before
        }
        return new TrainingCorpus(EUROPARL, digest, () -> gunzip(bundled()));
    }

    private static byte[] bundled() throws ModelException {
        try (InputStream in = TrainingCorpus.class.getResourceAsStream(EUROPARL_RESOURCE)) {
            if (in == null) {
                throw new ModelException("the bundled corpus " + EUROPARL_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read the bundled corpus " + EUROPARL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The hex SHA-256 of a corpus as stored (file bytes, or the gzipped resource). */
    static String digestOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A user's text file, checked now so that errors name the file and say what is wrong with it. */
    public static TrainingCorpus file(Path path) throws ModelException {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new ModelException("corpus " + path + " is a directory, not a text file");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModelException("corpus file " + path + " does not exist");
        } catch (IOException e) {
            throw new ModelException("cannot read corpus " + path + ": " + e.getMessage(), e);
        }
        String decoded = decodeUtf8(bytes, path);
        TrainingCorpus corpus = new TrainingCorpus(path.getFileName().toString(), digestOf(bytes), () -> decoded);
        if (corpus.documents().isEmpty()) {
            throw new ModelException("corpus " + path + " has no text");
        }
        return corpus;
    }

    /** A short name for the model's name: "europarl-en" or the file's name. */
    public String name() {
        return name;
    }

    /** The SHA-256 of the corpus as stored (file bytes, or the gzipped resource): what the model cache is keyed on. */
    String digest() {
        return digest;
    }

    /** The documents, trimmed, without empty ones. */
    public List<String> documents() throws ModelException {
        String all = text.read().replace("\r\n", "\n").replace('\r', '\n');
        if (all.startsWith("\uFEFF")) {
            all = all.substring(1);
        }
        String[] parts = BLANK_LINE.matcher(all).find() ? BLANK_LINE.split(all) : all.split("\n");
        List<String> documents = new ArrayList<>(parts.length);
        for (String part : parts) {
            String document = part.strip();
            if (!document.isEmpty()) {
                documents.add(document);
            }
        }
        return documents;
    }

    private static String gunzip(byte[] gzipped) throws ModelException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("the bundled corpus " + EUROPARL_RESOURCE + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String decodeUtf8(byte[] bytes, Path path) throws ModelException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (MalformedInputException e) {
            throw new ModelException(
                    "corpus " + path + " is not UTF-8 text (bad byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new ModelException("corpus " + path + " is not UTF-8 text");
        }
    }
}
