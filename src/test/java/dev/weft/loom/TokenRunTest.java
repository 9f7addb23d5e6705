package dev.weft.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenRunTest {
    @Test
    void appendEqualsBuildingFromAllTokens() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            List<Token> a = tokens(random);
            List<Token> b = tokens(random);
            List<Token> all = new ArrayList<>(a);
            all.addAll(b);
            TokenRun appended = TokenRun.of(a).append(TokenRun.of(b));
            assertEquals(TokenRun.of(all), appended);
            assertEquals(TokenRun.of(all).tokens(), appended.tokens());
        }
    }

    @Test
    void sliceThenAppendRestoresTheRun() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 300; trial++) {
            TokenRun run = TokenRun.of(tokens(random));
            int cut = random.nextInt(run.size() + 1);
            assertEquals(run.tokens(), run.slice(0, cut).append(run.slice(cut, run.size())).tokens());
        }
    }

    /** Runs with and without alternatives, unscored tokens included: the storage has separate paths for each. */
    private static List<Token> tokens(SplittableRandom random) {
        List<Token> out = new ArrayList<>();
        int n = random.nextInt(6);
        boolean withAlternatives = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            List<Alternative> top = new ArrayList<>();
            for (int j = 0; withAlternatives && j < random.nextInt(4); j++) {
                top.add(Alternative.of("a" + random.nextInt(9), -random.nextDouble() * 4));
            }
            out.add(random.nextInt(5) == 0 ? Token.unscored("typed" + i)
                    : Token.of("t" + random.nextInt(9), -random.nextDouble() * 4, top));
        }
        return out;
    }
}
