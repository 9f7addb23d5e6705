package dev.weft.tui.layout;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Node;
import dev.weft.loom.Piece;
import dev.weft.loom.TokenRun;
import dev.weft.loom.Utf8;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a path into cells: each token's glyphs tagged with its path index, a boundary glyph
 * between nodes, and a mark after a node that was cut or is still arriving. The path's bytes
 * are decoded as one text, so a character split across tokens (or nodes) shows once, on the
 * token that completes it.
 */
public final class ReadText {
    public static final String CUT_MARK = "[cut]";
    public static final String RUNNING_MARK = "…";
    private static final int MAX_PIECES = 200_000;
    /** By the piece's text: a string keeps its hash, and interned pieces share their text. */
    private static final Map<String, List<String>> PIECES = new ConcurrentHashMap<>();

    private ReadText() {}

    /** One node's text alone, its tokens numbered from 0 (for side-by-side columns). */
    public static List<Cell> ofNode(Node node) {
        List<Cell> cells = new ArrayList<>(node.tokens().size() * 5);
        TokenRun run = node.tokens();
        int[] offsets = run.byteOffsets();
        Utf8.Decoded decoded = Utf8.decode(run.bytes());
        for (int i = 0; i < run.size(); i++) {
            List<String> glyphs = run.piece(i).isComplete() ? glyphs(run.piece(i))
                    : glyphs(decoded.text().substring(decoded.charAt()[offsets[i]], decoded.charAt()[offsets[i + 1]]));
            for (String glyph : glyphs) {
                cells.add(cell(glyph, i, 0, -1));
            }
        }
        addMark(cells, node, 0);
        return cells;
    }

    public static List<Cell> of(ReadPath path, String boundaryGlyph) {
        List<Cell> cells = new ArrayList<>(path.size() * 5);
        addPath(cells, path, path.size(), boundaryGlyph);
        return cells;
    }

    /**
     * The path's tokens before {@code upTo}, then an editor holding {@code editorText}: its
     * glyphs carry their char offsets, and a last blank cell is where the caret sits at the end.
     */
    public static List<Cell> withEditor(ReadPath path, int upTo, String boundaryGlyph, String editorText) {
        List<Cell> cells = new ArrayList<>();
        addPath(cells, path, upTo, boundaryGlyph);
        if (!cells.isEmpty() && cells.get(cells.size() - 1).kind() != Cell.Kind.BOUNDARY) {
            cells.add(new Cell(boundaryGlyph, 1, Cell.Kind.BOUNDARY, -1, -1, -1));
        }
        for (Glyphs.Glyph glyph : Glyphs.split(editorText)) {
            cells.add(cell(glyph.text(), -1, -1, glyph.source()));
        }
        cells.add(new Cell(" ", 1, Cell.Kind.GLYPH, -1, -1, editorText.length()));
        return cells;
    }

    private static void addPath(List<Cell> cells, ReadPath path, int upTo, String boundaryGlyph) {
        if (path.isEmpty()) {
            return;
        }
        String[] split = splitCharacters(path);
        for (int k = 0; k < path.nodeCount() && path.start(k) <= upTo; k++) {
            if (k > 0) {
                cells.add(new Cell(boundaryGlyph, 1, Cell.Kind.BOUNDARY, -1, k, -1));
            }
            Node node = path.node(k);
            TokenRun run = node.tokens();
            int end = Math.min(path.start(k) + run.size(), upTo);
            for (int g = path.start(k); g < end; g++) {
                List<String> glyphs = split == null ? glyphs(run.piece(g - path.start(k))) : glyphs(split[g]);
                for (String glyph : glyphs) {
                    cells.add(cell(glyph, g, k, -1));
                }
            }
            if (end == path.start(k) + run.size() && upTo == path.size()) {
                addMark(cells, node, k);
            }
        }
    }

    /**
     * Each token's text when some character is split across tokens (the joined bytes decoded,
     * each character given to the token that completes it); null when every token is whole, as
     * almost always, and each token's own text will do.
     */
    private static String[] splitCharacters(ReadPath path) {
        boolean whole = true;
        for (int k = 0; k < path.nodeCount() && whole; k++) {
            TokenRun run = path.node(k).tokens();
            for (int i = 0; i < run.size() && whole; i++) {
                whole = run.piece(i).isComplete();
            }
        }
        if (whole) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] tokenByte = new int[path.size() + 1];
        for (int k = 0; k < path.nodeCount(); k++) {
            TokenRun run = path.node(k).tokens();
            int[] offsets = run.byteOffsets();
            for (int i = 0; i < run.size(); i++) {
                tokenByte[path.start(k) + i] = bytes.size() + offsets[i];
            }
            bytes.writeBytes(run.bytes());
        }
        tokenByte[path.size()] = bytes.size();
        Utf8.Decoded decoded = Utf8.decode(bytes.toByteArray());
        String[] out = new String[path.size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = decoded.text().substring(decoded.charAt()[tokenByte[g]], decoded.charAt()[tokenByte[g + 1]]);
        }
        return out;
    }

    /** The glyphs of a whole piece, kept per piece: pieces are interned, and a long path repeats them. */
    private static List<String> glyphs(Piece piece) {
        if (PIECES.size() > MAX_PIECES) {
            PIECES.clear();
        }
        return PIECES.computeIfAbsent(piece.text(), ReadText::glyphs);
    }

    private static List<String> glyphs(String text) {
        return Glyphs.split(Normalizer.normalize(text, Normalizer.Form.NFC)).stream().map(Glyphs.Glyph::text).toList();
    }

    private static void addMark(List<Cell> cells, Node node, int k) {
        if (node.generation() == null) {
            return;
        }
        FinishReason finish = node.generation().finish();
        Cell.Kind kind = finish == FinishReason.CUT ? Cell.Kind.CUT : finish == FinishReason.RUNNING ? Cell.Kind.RUNNING : null;
        if (kind != null) {
            for (Glyphs.Glyph glyph : Glyphs.split(kind == Cell.Kind.CUT ? CUT_MARK : RUNNING_MARK)) {
                cells.add(new Cell(glyph.text(), Glyphs.width(glyph.text()), kind, -1, k, -1));
            }
        }
    }

    private static Cell cell(String glyph, int token, int node, int editorChar) {
        return switch (glyph) {
            case "\n" -> new Cell(" ", 1, Cell.Kind.NEWLINE, token, node, editorChar);
            case "\t" -> new Cell(" ", 1, Cell.Kind.TAB, token, node, editorChar);
            default -> new Cell(glyph, Glyphs.width(glyph), Cell.Kind.GLYPH, token, node, editorChar);
        };
    }
}
