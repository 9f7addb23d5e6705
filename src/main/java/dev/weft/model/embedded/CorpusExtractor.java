package dev.weft.model.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time step: keeps the English documents of Lucene's Europarl sample (tab-separated
 * title, date, text; one document per line, many languages) and writes their text, one per
 * line, gzipped, into the jar's resources. Run by Maven in process-classes.
 */
public final class CorpusExtractor {
    /** Frequent English function words; other Europarl languages rarely use them. */
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "of", "and", "to", "is", "in", "that", "for", "this", "we", "it", "on", "be", "are",
            "with", "as", "not", "by", "have", "which", "will", "at");
    private static final double ENGLISH_SHARE = 0.2;

    private CorpusExtractor() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusExtractor EUROPARL_GZ OUT_GZ");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path digest = out.resolveSibling(out.getFileName() + TrainingCorpus.DIGEST_SUFFIX);
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) > 0) {
            if (!Files.exists(digest) || Files.getLastModifiedTime(digest).compareTo(Files.getLastModifiedTime(out)) < 0) {
                Files.writeString(digest, TrainingCorpus.digestOf(Files.readAllBytes(out)) + "\n");
            }
            return; // already extracted by an earlier build
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        int kept = 0;
        int total = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(in)), StandardCharsets.UTF_8));
             Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
                     StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                total++;
                String text = documentText(line);
                if (isEnglish(text)) {
                    writer.write(text.trim().replaceAll("\\s{2,}", " "));
                    writer.write('\n');
                    kept++;
                }
            }
        }
        // the model cache's key for the bundled corpus, made once here instead of on every start
        Files.writeString(digest, TrainingCorpus.digestOf(Files.readAllBytes(out)) + "\n");
        System.out.printf("weft corpus: kept %d English documents of %d -> %s%n", kept, total, out);
    }

    static String documentText(String line) {
        int tab = line.lastIndexOf('\t');
        return tab < 0 ? line : line.substring(tab + 1);
    }

    static boolean isEnglish(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 5) {
            return false;
        }
        int hits = 0;
        for (String w : words) {
            if (ENGLISH_WORDS.contains(w)) {
                hits++;
            }
        }
        return hits >= ENGLISH_SHARE * words.length;
    }
}
