package dev.weft.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.Alternative;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.session.Session;
import dev.weft.session.SessionBackends;
import dev.weft.session.SessionView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExportTest {
    private static Token token(String text, double p) {
        return new Token(Piece.of(text), Math.log(p), List.of(Alternative.of(text, Math.log(p))));
    }

    private static Session session() {
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("# Title *not* markup")).loom();
        loom = loom.append(new NodeId(0), TokenRun.of(token("\n1.", 0.9), token(" sure", 0.3), token(" <b>", 0.004)),
                Origin.MODEL, null).loom();
        loom = loom.append(new NodeId(0), TokenRun.unscored(" gone"), Origin.EDIT, null).loom().delete(new NodeId(2));
        SessionView view = SessionView.START.at(new NodeId(1), 0);
        return new Session(Instant.EPOCH, Instant.EPOCH, 0, SessionBackends.NONE, view, loom);
    }

    @Test
    void theTreeIsNestedSectionsWithUnlikelyTokensMarked() {
        String md = MarkdownExport.tree("s_1.json", session());
        List<String> lines = md.lines().toList();
        assertEquals("# s\\_1.json", lines.get(0));
        assertEquals("## #0 · prompt · 1 token", lines.get(4));
        assertEquals("\\# Title \\*not\\* markup", lines.get(6));
        assertEquals("### #1 (under #0) · model · 3 tokens · mean p 0.10 · 0% above 0.99 · entropy 0.00",
                lines.get(8));
        // a newline is a hard break; "1." at a line start would be a list; <b> would be HTML
        assertEquals("\\", lines.get(10));
        assertEquals("1\\. sure<sup>30%</sup> \\<b\\><sup>&lt;1%</sup>", lines.get(11));
        assertEquals(12, lines.size(), "the deleted node is left out:\n" + md);
    }

    @Test
    void thePathIsOneText() {
        String md = MarkdownExport.path("s.json", session(), new NodeId(1));
        List<String> lines = md.lines().toList();
        assertEquals("# s.json: the path to #1", lines.get(0));
        assertEquals("\\# Title \\*not\\* markup\\", lines.get(4));
        assertEquals("1\\. sure<sup>30%</sup> \\<b\\><sup>&lt;1%</sup>", lines.get(5));
        assertEquals("- #1 (under #0) · model · 3 tokens · mean p 0.10 · 0% above 0.99 · entropy 0.00",
                lines.get(8));
    }

    /** Real davinci output: "I’m" as "I", bytes:\xe2\x80, bytes:\x99, "m" (OpenAI's byte tokens). */
    @Test
    void aCharacterSplitAcrossTokensIsMarkedOnceAsACharacter() {
        TokenRun run = TokenRun.of(new Token(Piece.of("I"), Math.log(0.9), List.of()),
                new Token(Piece.ofBytes(new byte[] {(byte) 0xe2, (byte) 0x80}), Math.log(0.31), List.of()),
                new Token(Piece.ofBytes(new byte[] {(byte) 0x99}), Math.log(1.0), List.of()),
                new Token(Piece.of("m"), Math.log(0.8), List.of()));
        MarkdownText out = new MarkdownText();
        MarkdownExport.text(run, out);
        assertEquals("I\u2019<sup>31%</sup>m", out.toString());
    }

    @Test
    void plainTextIsThePathWithControlsMadeVisible() {
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("a\u001b[31mb\n")).loom();
        assertEquals("a␛[31mb\n", TextExport.path(loom, new NodeId(0)));
    }
}
