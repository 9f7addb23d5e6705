package dev.weft.model.embedded;

import dev.weft.model.ModelException;
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
import java.util.ArrayList;
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
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private final String name;
    private final String text;
    private final boolean paragraphs;

    private TrainingCorpus(String name, String text, boolean paragraphs) {
        this.name = name;
        this.text = text;
        this.paragraphs = paragraphs;
    }

    /** The bundled English Europarl documents (one per line). */
    public static TrainingCorpus europarl() throws ModelException {
        try (InputStream raw = TrainingCorpus.class.getResourceAsStream(EUROPARL_RESOURCE)) {
            if (raw == null) {
                throw new ModelException("the bundled corpus " + EUROPARL_RESOURCE + " is missing from the classpath");
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return new TrainingCorpus("europarl-en", new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
            }
        } catch (IOException e) {
            throw new ModelException("cannot read the bundled corpus " + EUROPARL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A user's text file; the errors name the file and say what is wrong with it. */
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
        String text = decodeUtf8(bytes, path).replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        TrainingCorpus corpus = new TrainingCorpus(path.getFileName().toString(), text, BLANK_LINE.matcher(text).find());
        if (corpus.documents().isEmpty()) {
            throw new ModelException("corpus " + path + " has no text");
        }
        return corpus;
    }

    /** A short name for the model's name: "europarl-en" or the file's name. */
    public String name() {
        return name;
    }

    /** The text as UTF-8, what the model cache is keyed on. */
    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The documents, trimmed, without empty ones. */
    public List<String> documents() {
        String[] parts = paragraphs ? BLANK_LINE.split(text) : text.split("\n");
        List<String> documents = new ArrayList<>(parts.length);
        for (String part : parts) {
            String document = part.strip();
            if (!document.isEmpty()) {
                documents.add(document);
            }
        }
        return documents;
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
            throw new ModelException("corpus " + path + " is not UTF-8 text (bad byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new ModelException("corpus " + path + " is not UTF-8 text");
        }
    }
}
