package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An imported generation that does not say its temperature or seed replays as "unknown", never as the placeholder. */
class UnknownParamsStepTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCompletionWhoseParametersNobodyStatedSaysSo() {
        Session before = Session.empty(AT).apply(new JournalEntry.Action(1, AT,
                new LoomAction.AddRoot(TokenRun.unscored("Once"))));
        Generation g = new Generation("loom", "davinci", SamplingParams.DEFAULTS.withSeed(7L), AT, FinishReason.STOP,
                Generation.PARAMS);
        JournalEntry entry = new JournalEntry.Action(2, AT,
                new LoomAction.Append(new NodeId(0), TokenRun.unscored(" upon"), Origin.MODEL, g));
        StepSummary s = StepSummary.of(entry, before, before.apply(entry));
        assertEquals("completion", s.kind());
        assertEquals("completion #1 under #0 from davinci at T unknown: 1 token \" upon\" · stop", s.text());
    }

    @Test
    void aCompletionWithKnownParametersShowsThem() {
        Session before = Session.empty(AT).apply(new JournalEntry.Action(1, AT,
                new LoomAction.AddRoot(TokenRun.unscored("Once"))));
        Generation g = new Generation("loom", "davinci", SamplingParams.DEFAULTS.withTemperature(0.7).withSeed(7L), AT,
                FinishReason.STOP, Set.of("top_k"));
        JournalEntry entry = new JournalEntry.Action(2, AT,
                new LoomAction.Append(new NodeId(0), TokenRun.unscored(" upon"), Origin.MODEL, g));
        assertEquals("completion #1 under #0 from davinci at T=0.7 seed 7: 1 token \" upon\" · stop",
                StepSummary.of(entry, before, before.apply(entry)).text());
    }
}
