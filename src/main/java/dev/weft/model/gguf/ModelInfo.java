package dev.weft.model.gguf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What {@code weft doctor} and the loom's status say about a loaded model file. */
public record ModelInfo(String file, String name, String architecture, long parameters, String quantisation,
                        int layers, int dim, int heads, int kvHeads, int vocabulary, int contextLength,
                        String tokenizer, boolean tiedOutput, int threads, String kernels, Duration loadTime,
                        long mappedBytes) {

    static ModelInfo of(GgufFile file, ModelConfig c, GgufTokenizer tokenizer, boolean tied, MatMul mm,
                        Duration loadTime) {
        long parameters = 0;
        long mapped = 0;
        Map<GgmlType, Long> bytesByType = new TreeMap<>();
        for (Tensor t : file.tensors().values()) {
            long n = 1;
            for (long d : t.dims()) {
                n *= d;
            }
            parameters += n;
            mapped += t.bytes();
            bytesByType.merge(t.type(), t.bytes(), Long::sum);
        }
        List<String> mix = new ArrayList<>();
        long total = Math.max(1, mapped);
        bytesByType.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> mix.add(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total)));
        String name;
        try {
            name = file.string("general.name", file.path().getFileName().toString());
        } catch (GgufException e) {
            name = file.path().getFileName().toString();
        }
        return new ModelInfo(file.path().toString(), name, c.architecture().key, parameters, String.join(", ", mix),
                c.layers(), c.dim(), c.heads(), c.kvHeads(), tokenizer.size(), c.contextLength(), tokenizer.describe(),
                tied, mm.threads(), mm.kernels().describe(), loadTime, mapped);
    }

    /** "SmolLM2 135M: llama, 135M parameters, Q8_0 100%, 30 layers, ..." */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %s, %s parameters (%s), %d layers, dim %d, %d/%d heads, vocab %d, "
                        + "context %d, %s%s", name, architecture, count(parameters), quantisation, layers, dim, heads,
                kvHeads, vocabulary, contextLength, tokenizer, tiedOutput ? ", tied output" : "");
    }

    public String runtime() {
        return String.format(Locale.ROOT, "%d threads, %s kernels, %.1f GB mapped, loaded in %d ms", threads, kernels,
                mappedBytes / 1e9, loadTime.toMillis());
    }

    private static String count(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fK", n / 1e3);
    }
}
