package dev.weft.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text split into words for the diversity figures: runs of letters and digits (with inner
 * apostrophes, so "don't" is one word), and each punctuation mark on its own. Words rather than
 * model tokens, so that two backends with different tokenizers are measured with the same rule.
 */
public final class Words {
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");

    private Words() {}

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
