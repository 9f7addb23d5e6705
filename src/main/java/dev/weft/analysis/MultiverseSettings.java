package dev.weft.analysis;

/**
 * How far a multiverse expands.
 *
 * @param depth          tokens after the prompt
 * @param top            next tokens considered at each node
 * @param minProbability paths less probable than this are pruned (0 keeps every top-k path)
 */
public record MultiverseSettings(int depth, int top, double minProbability) {
    public MultiverseSettings {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        if (!(minProbability >= 0 && minProbability < 1)) {
            throw new IllegalArgumentException("minimum probability must be in [0, 1), got " + minProbability);
        }
    }
}
