package dev.weft.tui.update;

import dev.weft.loom.SamplingParams;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Numbers;

/** Single keys that step temperature, n and max tokens; {@code :set} sets them exactly. */
final class SamplingKeys {
    static final double MAX_TEMPERATURE = 2.0;
    static final int MAX_N = 16;
    private static final int[] MAX_TOKENS = {8, 16, 32, 48, 64, 96, 128, 192, 256, 512, 1024, 2048};

    private SamplingKeys() {}

    /** Handles a sampling step; false when {@code action} is not one. */
    static boolean handle(Step step, Action action) {
        SamplingParams p = step.state.settings().params();
        SamplingParams next = switch (action) {
            case TEMPERATURE_DOWN -> p.withTemperature(Math.max(0, round(p.temperature() - 0.1)));
            case TEMPERATURE_UP -> p.withTemperature(Math.min(MAX_TEMPERATURE, round(p.temperature() + 0.1)));
            case COUNT_DOWN -> p.withN(Math.max(1, p.n() - 1));
            case COUNT_UP -> p.withN(Math.min(MAX_N, p.n() + 1));
            case MAX_TOKENS_DOWN -> p.withMaxTokens(stepMaxTokens(p.maxTokens(), -1));
            case MAX_TOKENS_UP -> p.withMaxTokens(stepMaxTokens(p.maxTokens(), 1));
            default -> null;
        };
        if (next == null) {
            return false;
        }
        step.state = step.state.withSettings(step.state.settings().withParams(next));
        step.info("temperature " + Numbers.number(next.temperature()) + " · n " + next.n() + " · max tokens " + next.maxTokens());
        return true;
    }

    private static double round(double t) {
        return Math.round(t * 100) / 100.0;
    }

    /** The next value of the ladder above or below {@code now} (so a value set with :set joins the ladder). */
    static int stepMaxTokens(int now, int dir) {
        if (dir > 0) {
            for (int m : MAX_TOKENS) {
                if (m > now) {
                    return m;
                }
            }
            return MAX_TOKENS[MAX_TOKENS.length - 1];
        }
        for (int i = MAX_TOKENS.length - 1; i >= 0; i--) {
            if (MAX_TOKENS[i] < now) {
                return MAX_TOKENS[i];
            }
        }
        return MAX_TOKENS[0];
    }
}
