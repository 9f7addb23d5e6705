package dev.weft.replay;

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
import dev.weft.model.sampling.Ranking;
import dev.weft.model.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny deterministic language model for replay tests: words with a leading space, the next
 * word's distribution a function of the previous word and the model's {@code salt}. Two salts
 * are two models that write different text; the same salt and seed give the same text. It
 * samples through weft's own {@link Sampler}, scores any text of its words, and reports top-5.
 */
final class WordModel implements LanguageModel {
    private static final List<String> WORDS = List.of(" the", " Commission", " must", " vote", " on", " this",
            " report", " and", " we", " shall", " support", " it", " today", " in", " Parliament", " now");
    private static final int TOP = 5;

    private final String name;
    private final int salt;
    private final boolean scores;

    WordModel(String name, int salt, boolean scores) {
        this.name = name;
        this.salt = salt;
        this.scores = scores;
    }

    @Override
    public String backend() {
        return "words";
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(TOP, scores, true, true, false, true);
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
        List<Completion> out = new ArrayList<>();
        for (Sampler sampler : Sampler.forChoices(params)) {
            List<Token> tokens = new ArrayList<>();
            String previous = lastWord(prompt.text());
            for (int i = 0; i < params.maxTokens(); i++) {
                double[] p = distribution(previous);
                int id = sampler.next(p);
                Token token = token(id, p, params.topLogprobs());
                sink.accept(out.size(), token);
                tokens.add(token);
                previous = WORDS.get(id);
            }
            out.add(new Completion(tokens, FinishReason.LENGTH));
        }
        return out;
    }

    /** Scores text made of this model's words (anything else is one unknown word with probability 0). */
    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) {
        List<Token> tokens = new ArrayList<>();
        String previous = lastWord(prompt.text());
        for (String word : continuation.split("(?= )")) {
            if (word.isEmpty()) {
                continue;
            }
            double[] p = distribution(previous);
            int id = WORDS.indexOf(word);
            double logprob = id < 0 ? Double.NEGATIVE_INFINITY : Math.log(p[id]);
            tokens.add(new Token(Piece.of(word), logprob, top(p, topLogprobs)));
            previous = word;
        }
        return new Scoring(tokens);
    }

    private Token token(int id, double[] p, int topLogprobs) {
        return new Token(Piece.of(WORDS.get(id)), Math.log(p[id]), top(p, topLogprobs));
    }

    private static List<Alternative> top(double[] p, int k) {
        List<Alternative> out = new ArrayList<>();
        for (int id : Ranking.top(p, Math.min(k, TOP))) {
            out.add(Alternative.of(WORDS.get(id), Math.log(p[id])));
        }
        return out;
    }

    /** A peaked distribution over the words, different for each previous word and salt. */
    private double[] distribution(String previous) {
        double[] p = new double[WORDS.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            int h = (previous.hashCode() * 31 + WORDS.get(i).hashCode()) * 17 + salt;
            p[i] = Math.exp(((h >>> 8) % 1000) / 250.0);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static String lastWord(String text) {
        int space = text.lastIndexOf(' ');
        return space < 0 ? text : text.substring(space);
    }
}
