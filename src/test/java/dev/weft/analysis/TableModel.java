package dev.weft.analysis;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A hand-made language model for exact expectations: a table from a context's text to the
 * probabilities of the next tokens. A context missing from the table ends the text. Greedy
 * decoding takes the first most likely token in table order.
 */
final class TableModel implements LanguageModel {
    private final Map<String, Map<String, Double>> table = new LinkedHashMap<>();
    private final boolean scoresText;
    private int generateCalls;

    TableModel(boolean scoresText) {
        this.scoresText = scoresText;
    }

    /** After {@code context}, tokens and probabilities alternate: "a", 0.6, "b", 0.4. */
    TableModel after(String context, Object... tokensAndProbabilities) {
        Map<String, Double> next = new LinkedHashMap<>();
        for (int i = 0; i < tokensAndProbabilities.length; i += 2) {
            next.put((String) tokensAndProbabilities[i], ((Number) tokensAndProbabilities[i + 1]).doubleValue());
        }
        table.put(context, next);
        return this;
    }

    int generateCalls() {
        return generateCalls;
    }

    @Override
    public String backend() {
        return "table";
    }

    @Override
    public String model() {
        return "hand-made";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(20, scoresText, true, false, false, false);
    }

    @Override
    public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel) {
        generateCalls++;
        List<Completion> out = new ArrayList<>();
        for (int choice = 0; choice < params.n(); choice++) {
            SplittableRandom random = new SplittableRandom((params.seed() == null ? 0 : params.seed()) + choice);
            StringBuilder context = new StringBuilder(prompt.text());
            List<Token> tokens = new ArrayList<>();
            FinishReason finish = FinishReason.LENGTH;
            for (int step = 0; step < params.maxTokens(); step++) {
                Map<String, Double> next = table.get(context.toString());
                if (next == null) {
                    finish = FinishReason.STOP;
                    break;
                }
                String chosen = params.temperature() == 0 ? greedy(next) : sample(next, params.temperature(), random);
                tokens.add(token(chosen, next, params.topLogprobs()));
                sink.accept(choice, tokens.get(tokens.size() - 1));
                context.append(chosen);
            }
            out.add(new Completion(tokens, finish));
        }
        return out;
    }

    /** Spells the continuation with the longest table token that fits at each step; unknown spellings have p 0. */
    @Override
    public Scoring score(Prompt prompt, String continuation, int topLogprobs) {
        StringBuilder context = new StringBuilder(prompt.text());
        List<Token> tokens = new ArrayList<>();
        String rest = continuation;
        while (!rest.isEmpty()) {
            Map<String, Double> next = table.getOrDefault(context.toString(), Map.of());
            String remaining = rest;
            String longest = next.keySet().stream().filter(t -> !t.isEmpty() && remaining.startsWith(t))
                    .max(Comparator.comparingInt(String::length)).orElse(rest);
            tokens.add(Token.of(longest, Math.log(next.getOrDefault(longest, 0.0)), List.of()));
            context.append(longest);
            rest = rest.substring(longest.length());
        }
        return new Scoring(tokens);
    }

    private static String greedy(Map<String, Double> next) {
        String best = null;
        for (Map.Entry<String, Double> e : next.entrySet()) {
            if (best == null || e.getValue() > next.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static String sample(Map<String, Double> next, double temperature, SplittableRandom random) {
        double total = 0;
        for (double p : next.values()) {
            total += Math.pow(p, 1 / temperature);
        }
        double u = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : next.entrySet()) {
            u -= Math.pow(e.getValue(), 1 / temperature);
            last = e.getKey();
            if (u < 0) {
                break;
            }
        }
        return last;
    }

    private static Token token(String chosen, Map<String, Double> next, int k) {
        List<Alternative> top = new ArrayList<>();
        next.forEach((text, p) -> top.add(Alternative.of(text, Math.log(p))));
        top.sort(Token.MOST_LIKELY_FIRST);
        return Token.of(chosen, Math.log(next.get(chosen)), top.subList(0, Math.min(k, top.size())));
    }
}
