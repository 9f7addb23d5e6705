package dev.weft.model.embedded;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.weft.loom.Piece;
import dev.weft.model.Prompt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GPT-2's byte-level BPE ({@code r50k_base}), so the embedded model's tokens look like those of
 * the GPT-3 family. Every id maps to raw bytes (a {@link Piece}); a token may end inside a UTF-8
 * character. Thread-safe.
 *
 * <p>jtokkit's copy of the BPE ranks is the source: parsing it takes most of a second of CPU, so it
 * is parsed once, the token table written to the model cache ({@link #cached}), and later starts
 * read the table from there and encode with {@link BytePairEncoder}, which encodes as jtokkit does.
 */
public final class Gpt2Tokenizer {
    public static final String NAME = "r50k_base";
    /** {@code <|endoftext|>}: separates (and here also frames) the training documents. */
    public static final int END_OF_TEXT = 50256;
    public static final int VOCABULARY_SIZE = END_OF_TEXT + 1;

    private final TokenTable table;
    private final BytePairEncoder bpe;
    /** Made on first use: building all 50257 pieces up front would slow every start. */
    private final Piece[] pieces;
    /** Byte-level BPE has a token for each single byte: how undecodable bytes are encoded. */
    private final int[] byteTokens = new int[256];

    private Gpt2Tokenizer(TokenTable table) {
        if (table.size() != VOCABULARY_SIZE) {
            throw new IllegalArgumentException("a token table of " + table.size() + " tokens, not " + VOCABULARY_SIZE);
        }
        this.table = table;
        this.bpe = new BytePairEncoder(table, END_OF_TEXT);
        pieces = new Piece[VOCABULARY_SIZE];
        for (int b = 0; b < 256; b++) {
            byteTokens[b] = table.id(new byte[] {(byte) b}, 0, 1);
            if (byteTokens[b] < 0) {
                throw new IllegalArgumentException("a token table without the byte " + b);
            }
        }
    }

    /** The token table as jtokkit's r50k_base has it (parsed from its resource: most of a second, cold). */
    static TokenTable jtokkitTable() {
        // the lazy registry parses only r50k; the default one parses every encoding (seconds, cold)
        Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        byte[][] tokens = new byte[VOCABULARY_SIZE][];
        IntArrayList single = new IntArrayList(1);
        single.add(0);
        for (int id = 0; id < tokens.length; id++) {
            single.set(0, id);
            tokens[id] = encoding.decodeBytes(single);
        }
        return new TokenTable(tokens);
    }

    private static final class Shared {
        static final Gpt2Tokenizer INSTANCE = new Gpt2Tokenizer(jtokkitTable());
    }

    /** One instance built from jtokkit's ranks. */
    public static Gpt2Tokenizer shared() {
        return Shared.INSTANCE;
    }

    /** The cache file of the token table in {@code directory}. */
    public static Path cacheFile(Path directory) {
        return directory.resolve(NAME + "-tokens-v" + TokenTable.FORMAT_VERSION + ".bin");
    }

    /**
     * The tokenizer from its table in {@code directory} (see {@link #cacheFile}); when that is
     * missing or damaged, built from jtokkit's ranks and the table written there for the next start
     * (a cache that cannot be written is only slower).
     */
    public static Gpt2Tokenizer cached(Path directory) {
        Path file = cacheFile(directory);
        try {
            return new Gpt2Tokenizer(TokenTable.decode(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException missingOrDamaged) {
            Gpt2Tokenizer built = shared();
            try {
                store(file, built.table.encode());
            } catch (IOException e) {
                // the next start builds it again
            }
            return built;
        }
    }

    /** Writes a temporary file beside {@code file}, syncs it, then renames it into place. */
    private static void store(Path file, byte[] bytes) throws IOException {
        ModelCache.storeAtomically(file, bytes);
    }

    /** How many bytes a token has (without making its {@link Piece}). */
    int length(int id) {
        return table.length(id);
    }

    /** A token's {@code i}th byte (without making its {@link Piece}). */
    byte byteAt(int id, int i) {
        return table.byteAt(id, i);
    }

    /** How many pieces have been made so far (tests: building the model makes none). */
    int piecesMade() {
        int made = 0;
        for (Piece p : pieces) {
            if (p != null) {
                made++;
            }
        }
        return made;
    }

    /** This tokenizer's token table (tests compare a cached one with jtokkit's). */
    TokenTable table() {
        return table;
    }

    public int vocabularySize() {
        return VOCABULARY_SIZE;
    }

    /** The raw bytes of a token. */
    public Piece piece(int id) {
        Piece piece = pieces[id];
        if (piece == null) {
            // a benign race: pieces are immutable and interned, so two threads make equal ones
            piece = Piece.ofBytes(table.bytes(id));
            pieces[id] = piece;
        }
        return piece;
    }

    /** BPE of plain text; {@code <|endoftext|>} written in the text is ordinary text here. */
    public int[] encode(String text) {
        BytePairEncoder.IdList ids = new BytePairEncoder.IdList();
        bpe.encode(text, ids);
        return ids.toArray();
    }

    /**
     * The ids of a prompt, keeping its token boundaries: a piece whose bytes are exactly one
     * token is that token (so continuing a node continues the tokens shown), any other piece
     * (typed text) is encoded with BPE on its own.
     */
    public int[] encode(Prompt prompt) {
        BytePairEncoder.IdList ids = new BytePairEncoder.IdList();
        for (Piece piece : prompt.pieces()) {
            byte[] bytes = piece.bytes();
            int id = table.id(bytes, 0, bytes.length);
            if (id >= 0) {
                ids.add(id);
            } else {
                encodeBytes(bytes, ids);
            }
        }
        return ids.toArray();
    }

    /**
     * The documents as one training stream: {@code <|endoftext|>} before each document and
     * once after the last, so the model learns both how documents start and where they end.
     */
    public int[] encodeDocuments(List<String> documents) {
        BytePairEncoder.IdList stream = new BytePairEncoder.IdList();
        for (String document : documents) {
            stream.add(END_OF_TEXT);
            bpe.encode(document, stream);
        }
        stream.add(END_OF_TEXT);
        return stream.toArray();
    }

    /** BPE over each valid UTF-8 stretch; each byte that does not decode becomes its byte token. */
    private void encodeBytes(byte[] bytes, BytePairEncoder.IdList ids) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, text, true);
            appendBpe(text, ids);
            if (!result.isError()) {
                return;
            }
            for (int i = 0; i < result.length(); i++) {
                ids.add(byteTokens[in.get() & 0xff]);
            }
        }
    }

    private void appendBpe(CharBuffer text, BytePairEncoder.IdList ids) {
        text.flip();
        if (text.hasRemaining()) {
            bpe.encode(text.toString(), ids);
        }
        text.clear();
    }
}
