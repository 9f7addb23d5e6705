package dev.weft.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * weft's forward pass against {@link ReferenceForward}, an independent double-precision pass, on
 * tiny random-weight files of every architecture, tensor type and tokenizer kind. Both read the
 * same dequantised weights, and for the types weft multiplies with 8-bit activations (Q8_0, Q4_0,
 * Q5_0, Q4_K, Q5_K, Q6_K) the reference quantises its activations as ggml defines it too. Where
 * nothing is quantised the only differences are float rounding in weft's sums: logprobs agree
 * within 2e-3 nats. Where activations are quantised, that rounding now and then moves a value
 * across a rounding boundary of its 8-bit quantisation, one step of 1/127 of its block's largest
 * value, which these small random models carry to the logprobs as up to a few hundredths: 0.08.
 */
class ForwardPassTest {
    private static double tolerance(TinyModels.Spec spec) {
        return QuantDot.handles(spec.type()) ? 0.08 : 2e-3;
    }
    private static final String TEXT = "The cat sat on the mat, then 2024 dogs ate.";

    @TempDir Path dir;

    static Stream<Arguments> models() {
        List<Arguments> cases = new ArrayList<>();
        for (GgmlType type : GgmlType.values()) {
            cases.add(Arguments.of(TinyModels.Spec.of("llama", type, "gpt2")));
        }
        cases.add(Arguments.of(TinyModels.Spec.of("llama", GgmlType.Q8_0, "llama").tied(true).ropeFactors(true)));
        cases.add(Arguments.of(TinyModels.Spec.of("mistral", GgmlType.F16, "llama")));
        cases.add(Arguments.of(TinyModels.Spec.of("qwen2", GgmlType.Q4_K, "gpt2").pre("qwen2").tied(true)));
        cases.add(Arguments.of(TinyModels.Spec.of("qwen3", GgmlType.Q6_K, "gpt2").pre("qwen2")
                .shape(256, 512, 2, 4, 2, 128)));
        cases.add(Arguments.of(TinyModels.Spec.of("llama", GgmlType.Q5_K, "gpt2").pre("smollm")
                .shape(256, 256, 3, 8, 8, 32)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void scoresEveryTokenAsTheReferencePassDoes(TinyModels.Spec spec) throws Exception {
        Path file = TinyModels.write(spec, dir.resolve("tiny.gguf"));
        try (GgufModel model = GgufModel.open(file, 2)) {
            Scoring scoring = model.score(Prompt.of(""), TEXT, 5);
            int[] start = model.contextOf(Prompt.of("")); // BOS, or EOS for a vocabulary that adds no BOS
            int[] ids = model.tokenizer().encode(TEXT, true);
            int[] all = java.util.stream.IntStream.concat(java.util.Arrays.stream(start), java.util.Arrays.stream(ids))
                    .toArray();
            ReferenceForward reference = new ReferenceForward(GgufFile.open(file));
            double[][] logits = reference.logits(all);
            List<Token> tokens = scoring.tokens();
            assertEquals(1, start.length);
            assertEquals(ids.length, tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                double[] logprobs = logSoftmax(logits[i]);
                assertEquals(logprobs[ids[i]], tokens.get(i).logprob(), tolerance(spec), "token " + i);
                assertEquals(logprobs[argmax(logprobs)], tokens.get(i).top().get(0).logprob(), tolerance(spec));
            }
            StringBuilder text = new StringBuilder();
            tokens.forEach(t -> text.append(t.text()));
            assertEquals(TEXT, text.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void greedyGenerationFollowsTheReferenceArgmax(TinyModels.Spec spec) throws Exception {
        Path file = TinyModels.write(spec, dir.resolve("tiny.gguf"));
        try (GgufModel model = GgufModel.open(file, 2)) {
            SamplingParams greedy = SamplingParams.DEFAULTS.withTemperature(0).withMaxTokens(6);
            Completion c = model.generate(Prompt.of("The dog"), greedy).get(0);
            int[] context = model.contextOf(Prompt.of("The dog"));
            ReferenceForward reference = new ReferenceForward(GgufFile.open(file));
            List<Integer> ids = new ArrayList<>();
            for (int id : context) {
                ids.add(id);
            }
            for (Token token : c.tokens()) {
                double[] logits = reference.logits(ids.stream().mapToInt(Integer::intValue).toArray())[ids.size() - 1];
                double[] logprobs = logSoftmax(logits);
                int best = argmax(logprobs);
                assertEquals(logprobs[best], token.logprob(), tolerance(spec));
                Integer id = model.tokenizer().idOfPiece(token.piece().bytes());
                assertTrue(id != null, "generated a piece that is not a token: " + token.text());
                ids.add(best);
            }
        }
    }

    static double[] logSoftmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
