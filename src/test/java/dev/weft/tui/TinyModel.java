package dev.weft.tui;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A deterministic toy model for UI tests: after each word it offers a fixed ranking of a few
 * words chosen by the previous word, with probabilities from fixed logits; sampling honours
 * temperature (0 = argmax), the seed and n. It can score text word by word.
 */
public final class TinyModel implements LanguageModel {
    static final List<String> WORDS = List.of(" the", " bugs", " are", " real", ".", " not", " a", " question",
            " of", " kind", " yes", " and", " no", " maybe", " it", " depends");
    private static final double[] LOGITS = {3.0, 1.6, 0.9, 0.2, -0.6, -1.5};

    private final boolean scores;

    public TinyModel(boolean scores) {
        this.scores = scores;
    }

    @Override
    public String backend() {
        return "tiny";
    }

    @Override
    public String model() {
        return "tiny-1";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(5, scores, true, true, false, true);
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
        List<Completion> out = new ArrayList<>();
        for (int choice = 0; choice < params.n(); choice++) {
            Random random = new Random((params.seed() == null ? 7 : params.seed()) * 31 + choice * 1009L + prompt.text().length());
            String previous = lastWord(prompt.text());
            List<Token> tokens = new ArrayList<>();
            FinishReason finish = FinishReason.LENGTH;
            for (int i = 0; i < params.maxTokens(); i++) {
                if (cancel.isCancelled()) {
                    finish = FinishReason.CUT;
                    break;
                }
                List<Alternative> top = distribution(previous);
                Alternative pick = sample(top, params.temperature(), random);
                Token token = new Token(pick.piece(), pick.logprob(), top.subList(0, Math.min(params.topLogprobs(), top.size())));
                tokens.add(token);
                sink.accept(choice, token);
                previous = pick.text();
                if (previous.equals(".")) {
                    finish = FinishReason.STOP;
                    break;
                }
            }
            out.add(new Completion(tokens, finish));
        }
        return out;
    }

    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) {
        List<Token> tokens = new ArrayList<>();
        String previous = lastWord(prompt.text());
        for (String word : words(continuation)) {
            List<Alternative> top = distribution(previous);
            double lp = top.stream().filter(a -> a.text().equals(word)).mapToDouble(Alternative::logprob).findFirst()
                    .orElse(Math.log(0.002));
            tokens.add(new Token(Piece.of(word), lp, top.subList(0, Math.min(topLogprobs, top.size()))));
            previous = word;
        }
        return new Scoring(tokens);
    }

    /** Six candidate words after {@code previous}, most likely first. */
    static List<Alternative> distribution(String previous) {
        int h = Math.floorMod(previous.hashCode(), WORDS.size());
        double z = Arrays.stream(LOGITS).map(Math::exp).sum();
        List<Alternative> out = new ArrayList<>();
        for (int i = 0; i < LOGITS.length; i++) {
            out.add(Alternative.of(WORDS.get((h + i * 5) % WORDS.size()), LOGITS[i] - Math.log(z)));
        }
        return out;
    }

    private static Alternative sample(List<Alternative> top, double temperature, Random random) {
        if (temperature == 0) {
            return top.get(0);
        }
        double[] w = top.stream().mapToDouble(a -> Math.exp(a.logprob() / temperature)).toArray();
        double r = random.nextDouble() * Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r <= 0) {
                return top.get(i);
            }
        }
        return top.get(top.size() - 1);
    }

    /** Splits text before each space, and before and after dots: " the bugs." → " the", " bugs", ".". */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ((c == ' ' || c == '.') && word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            word.append(c);
            if (c == '.') {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    private static String lastWord(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }
}
