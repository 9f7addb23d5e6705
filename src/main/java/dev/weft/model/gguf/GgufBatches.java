package dev.weft.model.gguf;

import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.model.Cancellation;
import dev.weft.model.Completion;
import dev.weft.model.Continuation;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.Scoring;
import dev.weft.model.TokenSink;
import dev.weft.model.sampling.Ranking;
import dev.weft.model.sampling.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The analyses' frontiers as batches: a multiverse level (each context one token past a cached
 * parent) in one forward step, {@code dist}'s candidates after one shared prompt prefill side by
 * side, a sweep's temperatures as siblings of one generation. Each answer is what the
 * one-question call gives; only the number of passes over the weights changes.
 */
final class GgufBatches {
    private final GgufModel model;
    private final Transformer transformer;
    private final CachedForward cached;

    GgufBatches(GgufModel model, Transformer transformer, CachedForward cached) {
        this.model = model;
        this.transformer = transformer;
        this.cached = cached;
    }

    List<List<Continuation>> nextTokens(List<Prompt> contexts, int k) throws ModelException {
        int n = contexts.size();
        float[][] last = new float[n][];
        List<Integer> stepping = new ArrayList<>();
        List<int[]> paths = new ArrayList<>();
        List<KvTree.Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] context = model.contextOf(contexts.get(i));
            if (context.length == 0) {
                throw new ModelException(model.model() + ": an empty prompt needs a BOS token, and this model has none");
            }
            model.checkLength(context.length);
            KvTree.Prefix prefix = cached.tree().lookup(context, context.length);
            if (prefix.matched() == context.length) {
                last[i] = prefix.hidden()[context.length - 1];
            } else if (prefix.matched() == context.length - 1) {
                stepping.add(i); // one token past a cached parent: joins the level's batch
                paths.add(context);
                prefixes.add(prefix);
            } else {
                float[][] hidden = cached.prefill(context, prefix, () -> false).hidden();
                last[i] = hidden[context.length - 1];
            }
        }
        if (!stepping.isEmpty()) {
            int m = stepping.size();
            int[] ids = new int[m];
            int[] positions = new int[m];
            KvCache[] caches = new KvCache[m];
            for (int r = 0; r < m; r++) {
                int[] path = paths.get(r);
                ids[r] = path[path.length - 1];
                positions[r] = path.length - 1;
                caches[r] = prefixes.get(r).cache();
            }
            float[][] h = cached.step(ids, positions, caches);
            for (int r = 0; r < m; r++) {
                int[] path = paths.get(r);
                float[][] hidden = Arrays.copyOf(prefixes.get(r).hidden(), path.length);
                hidden[path.length - 1] = h[r];
                cached.remember(path, caches[r], hidden);
                last[stepping.get(r)] = h[r];
            }
        }
        float[][] logits = transformer.logits(last);
        List<List<Continuation>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = GgufModel.probabilities(logits[i]);
            List<Continuation> top = new ArrayList<>(k);
            for (int a : Ranking.top(p, Math.min(k, p.length))) {
                top.add(new Continuation(model.alternativePiece(a, false), Math.log(p[a]),
                        model.tokenizer().endsGeneration(a)));
            }
            out.add(top);
        }
        return out;
    }

    List<Scoring> scoreEach(Prompt prompt, List<String> continuations, int topLogprobs) throws ModelException {
        int[] context = model.contextOf(prompt);
        if (prompt.pieces().isEmpty() || context.length == 0) {
            List<Scoring> out = new ArrayList<>(); // a text from its start: its first token is scored apart
            for (String c : continuations) {
                out.add(model.score(prompt, c, topLogprobs));
            }
            return out;
        }
        int n = continuations.size();
        int[][] ids = new int[n][];
        for (int c = 0; c < n; c++) {
            ids[c] = model.tokenizer().encode(continuations.get(c), false);
            model.checkLength(context.length + ids[c].length);
        }
        CachedForward.Prefilled shared = cached.prefill(context, () -> false);
        int at = context.length;
        float[][][] hidden = new float[n][][];
        KvCache[] caches = new KvCache[n];
        int longest = 0;
        for (int c = 0; c < n; c++) {
            hidden[c] = Arrays.copyOf(shared.hidden(), at + Math.max(0, ids[c].length - 1));
            caches[c] = shared.cache().fork(at);
            longest = Math.max(longest, ids[c].length);
        }
        for (int j = 0; j + 1 < longest; j++) {
            List<Integer> rows = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (ids[c].length > j + 1) {
                    rows.add(c);
                }
            }
            int[] step = new int[rows.size()];
            int[] positions = new int[rows.size()];
            KvCache[] stepCaches = new KvCache[rows.size()];
            for (int r = 0; r < step.length; r++) {
                step[r] = ids[rows.get(r)][j];
                positions[r] = at + j;
                stepCaches[r] = caches[rows.get(r)];
            }
            float[][] h = cached.step(step, positions, stepCaches);
            for (int r = 0; r < step.length; r++) {
                hidden[rows.get(r)][at + j] = h[r];
            }
        }
        int alternatives = model.capabilities().cappedTopLogprobs(topLogprobs);
        List<Scoring> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            if (ids[c].length == 0) {
                out.add(new Scoring(List.of()));
                continue;
            }
            float[][] logits = transformer.logits(Arrays.copyOfRange(hidden[c], at - 1, at - 1 + ids[c].length));
            List<Token> tokens = new ArrayList<>(ids[c].length);
            for (int t = 0; t < ids[c].length; t++) {
                tokens.add(model.token(ids[c][t], GgufModel.probabilities(logits[t]), alternatives, false));
            }
            out.add(new Scoring(tokens));
            if (ids[c].length > 1) {
                int[] path = Arrays.copyOf(context, at + ids[c].length - 1);
                System.arraycopy(ids[c], 0, path, at, ids[c].length - 1);
                cached.remember(path, caches[c], hidden[c]);
            }
        }
        return out;
    }

    List<List<Completion>> generateEach(Prompt prompt, List<SamplingParams> params) throws ModelException {
        if (params.isEmpty()) {
            return List.of();
        }
        SamplingParams first = params.get(0);
        List<Sampler> samplers = new ArrayList<>();
        for (SamplingParams p : params) {
            if (!p.withTemperature(first.temperature()).equals(first)) {
                List<List<Completion>> out = new ArrayList<>(); // only temperatures differ in a batch
                for (SamplingParams q : params) {
                    out.add(model.generate(prompt, q));
                }
                return out;
            }
            samplers.addAll(Sampler.forChoices(p));
        }
        List<Completion> all = model.generate(prompt, first, samplers, TokenSink.IGNORE, Cancellation.NEVER);
        List<List<Completion>> out = new ArrayList<>(params.size());
        int from = 0;
        for (SamplingParams p : params) {
            out.add(all.isEmpty() ? List.of() : List.copyOf(all.subList(from, from + p.n())));
            from += p.n();
        }
        return out;
    }
}
