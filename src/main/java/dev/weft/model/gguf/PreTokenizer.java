package dev.weft.model.gguf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the words byte-level BPE merges within, by the regular expressions llama.cpp
 * uses for each {@code tokenizer.ggml.pre} name (llama-vocab.cpp). Several expressions apply in
 * turn, each to the pieces of the one before; text between matches is kept as a piece of its own.
 */
final class PreTokenizer {
    private static final String GPT2 =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
    private static final String LLAMA3 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])"
            + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN2 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])"
            + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String SMOLLM_DIGITS = "\\p{N}";
    private static final String SMOLLM_WORDS =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";

    static final String SUPPORTED = "default, gpt2, llama3 (llama-bpe), qwen2, smollm";

    private final String name;
    private final List<Pattern> stages;

    private PreTokenizer(String name, String... expressions) {
        this.name = name;
        this.stages = new ArrayList<>();
        for (String e : expressions) {
            stages.add(Pattern.compile(e, Pattern.UNICODE_CHARACTER_CLASS));
        }
    }

    static PreTokenizer named(String pre, String file) throws GgufException {
        return switch (pre) {
            case "default", "gpt2", "gpt-2" -> new PreTokenizer(pre, GPT2);
            case "llama3", "llama-v3", "llama-bpe" -> new PreTokenizer(pre, LLAMA3);
            case "qwen2", "deepseek-r1-qwen" -> new PreTokenizer(pre, QWEN2);
            case "smollm", "starcoder" -> new PreTokenizer(pre, SMOLLM_DIGITS, SMOLLM_WORDS);
            default -> throw new GgufException(file + ": pre-tokenizer " + pre + " is not supported yet; supported: "
                    + SUPPORTED);
        };
    }

    String name() {
        return name;
    }

    List<String> split(String text) {
        List<String> pieces = List.of(text);
        for (Pattern stage : stages) {
            List<String> next = new ArrayList<>();
            for (String piece : pieces) {
                Matcher m = stage.matcher(piece);
                int last = 0;
                while (m.find()) {
                    if (m.start() > last) {
                        next.add(piece.substring(last, m.start()));
                    }
                    if (m.end() > m.start()) {
                        next.add(m.group());
                    }
                    last = m.end();
                }
                if (last < piece.length()) {
                    next.add(piece.substring(last));
                }
            }
            pieces = next;
        }
        return pieces;
    }
}
