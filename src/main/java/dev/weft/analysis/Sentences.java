package dev.weft.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of a completion, by a deliberately simple rule: a sentence ends after '.', '!' or
 * '?' (and any closing quotes or brackets) followed by white space or the end, or at a line
 * break. Abbreviations ("Mr.") split too; the figures compare samples of one model with each
 * other, so a consistent rule matters more than a perfect one.
 */
public final class Sentences {
    private static final Pattern SENTENCE =
            Pattern.compile("[^\\s][^\\n]*?(?:[.!?][\"'”’)\\]]*(?=\\s|\\z)|(?=\\n)|\\z)");

    private Sentences() {}

    /** One sentence with its char offsets in the text it came from. */
    public record Sentence(String text, int start, int end) {
        /** True when it ends with sentence punctuation, not merely where the text or line stops. */
        public boolean isComplete() {
            return text.matches("(?s).*[.!?][\"'”’)\\]]*");
        }
    }

    public static List<Sentence> of(String text) {
        List<Sentence> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group().strip();
            if (!sentence.isEmpty()) {
                out.add(new Sentence(sentence, m.start(), m.start() + m.group().stripTrailing().length()));
            }
        }
        return out;
    }

    /** The first sentence, trimmed; empty for a text without any. */
    public static String first(String text) {
        List<Sentence> all = of(text);
        return all.isEmpty() ? "" : all.get(0).text();
    }
}
