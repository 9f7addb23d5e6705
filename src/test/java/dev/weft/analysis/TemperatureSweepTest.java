package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.SamplingParams;
import dev.weft.model.Completion;
import dev.weft.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemperatureSweepTest {
    private static final SamplingParams FOUR = SamplingParams.DEFAULTS.withN(4).withSeed(3L).withMaxTokens(12);

    /** " A." nine times in ten, " B." once. */
    private static final TableModel ONE_TEMPLATE = new TableModel(true)
            .after("Q", " A", 0.9, " B", 0.1)
            .after("Q A", ".", 1.0)
            .after("Q B", ".", 1.0);

    @Test
    void atTemperatureZeroEverySampleIsTheMode() throws Exception {
        SweepRow row = TemperatureSweep.run(ONE_TEMPLATE, Prompt.of("Q"), FOUR, List.of(0.0)).rows().get(0);
        assertEquals(0.0, row.temperature());
        assertEquals(List.of(" A.", " A.", " A.", " A."), row.samples().stream().map(Completion::text).toList());
        assertEquals(2.0 / 8, row.diversity().distinct1(), 1e-12);
        assertEquals(1.0 / 4, row.diversity().distinct2(), 1e-12);
        assertEquals(0, row.diversity().meanEditDistance());
        assertEquals("A.", row.diversity().modalFirstSentence());
        assertEquals(1, row.diversity().modalFirstSentenceShare());
        assertEquals((0.9 + 1.0) / 2, row.meanTokenProbability(), 1e-12);
    }

    @Test
    void eachTemperatureIsSampledWithTheSameSeed() throws Exception {
        TemperatureSweep sweep = TemperatureSweep.run(ONE_TEMPLATE, Prompt.of("Q"), FOUR.withN(40), List.of(1.0, 5.0));
        assertEquals(List.of(1.0, 5.0), sweep.rows().stream().map(SweepRow::temperature).toList());
        SweepRow hot = sweep.rows().get(1);
        long bs = hot.samples().stream().filter(c -> c.text().equals(" B.")).count();
        assertTrue(bs > 4, "at temperature 5 the rare answer comes up often: " + bs);
        assertEquals(Diversity.of(hot.samples().stream().map(Completion::text).toList()), hot.diversity());
        double expectedMean = (bs * 0.1 + (40 - bs) * 0.9 + 40 * 1.0) / 80;
        assertEquals(expectedMean, hot.meanTokenProbability(), 1e-12,
                "the model's own probabilities, not the tempered ones");
        assertEquals(sweep, TemperatureSweep.run(ONE_TEMPLATE, Prompt.of("Q"), FOUR.withN(40), List.of(1.0, 5.0)));
    }

    @Test
    void onTheEmbeddedModelHeatAddsDiversity() throws Exception {
        TemperatureSweep sweep = TemperatureSweep.run(EmbeddedModels.europarl(), Prompt.of("Mr President,"),
                FOUR.withN(6).withMaxTokens(20), List.of(0.0, 1.9));
        SweepRow cold = sweep.rows().get(0);
        SweepRow hot = sweep.rows().get(1);
        assertEquals(1, cold.diversity().modalFirstSentenceShare());
        assertEquals(0, cold.diversity().meanEditDistance());
        assertTrue(hot.diversity().distinct1() > cold.diversity().distinct1());
        assertTrue(hot.diversity().meanEditDistance() > 0.5);
        assertTrue(hot.meanTokenProbability() < cold.meanTokenProbability());
    }

    @Test
    void anEmptySweepIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TemperatureSweep.run(ONE_TEMPLATE, Prompt.of("Q"), FOUR, List.of()));
    }
}
