package dev.weft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A path picked from the multiverse replays as what it was: picked, with each token's rank, never "a completion at T=…". */
class PickedStepTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPickedPathIsDescribedWithItsRanks() {
        Session before = Session.empty(AT).apply(new JournalEntry.Action(1, AT,
                new LoomAction.AddRoot(TokenRun.unscored("Are bugs real?"))));
        List<Alternative> first = List.of(new Alternative(Piece.of(" Yes"), Math.log(0.6)),
                new Alternative(Piece.of(" No"), Math.log(0.3)));
        List<Alternative> second = List.of(new Alternative(Piece.of(","), Math.log(0.7)));
        TokenRun picked = TokenRun.of(List.of(new Token(Piece.of(" No"), Math.log(0.3), first),
                new Token(Piece.of(","), Math.log(0.7), second)));
        Generation g = new Generation("embedded", "kn4-test", new SamplingParams(0, 1, 5, 0, 2, 1, 5, null, List.of()),
                AT, FinishReason.LENGTH);
        JournalEntry entry = new JournalEntry.Action(2, AT, new LoomAction.Append(new NodeId(0), picked, Origin.PICKED, g));
        StepSummary s = StepSummary.of(entry, before, before.apply(entry));
        assertEquals("picked", s.kind());
        assertEquals("picked #1 under #0 from the multiverse of kn4-test: 2 tokens \" No,\" · ranks 2,1", s.text());
    }
}
