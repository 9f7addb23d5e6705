package dev.weft.model.embedded;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.weft.loom.Piece;
import dev.weft.model.Prompt;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2's byte-level BPE ({@code r50k_base}, via jtokkit), so the embedded model's tokens look
 * like those of the GPT-3 family. Every id maps to raw bytes (a {@link Piece}); a token may end
 * inside a UTF-8 character. Thread-safe; one shared instance, as building it takes a moment.
 */
public final class Gpt2Tokenizer {
    public static final String NAME = "r50k_base";
    /** {@code <|endoftext|>}: separates (and here also frames) the training documents. */
    public static final int END_OF_TEXT = 50256;
    public static final int VOCABULARY_SIZE = END_OF_TEXT + 1;

    private final Encoding encoding;
    private final byte[][] tokenBytes;
    /** Made on first use: building all 50257 pieces up front would slow every start. */
    private final Piece[] pieces;
    private final Map<ByteBuffer, Integer> idOfBytes;
    /** Byte-level BPE has a token for each single byte: how undecodable bytes are encoded. */
    private final int[] byteTokens = new int[256];

    private Gpt2Tokenizer() {
        // the lazy registry parses only r50k; the default one parses every encoding (seconds, cold)
        encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        tokenBytes = new byte[VOCABULARY_SIZE][];
        pieces = new Piece[tokenBytes.length];
        idOfBytes = new HashMap<>(tokenBytes.length * 2);
        IntArrayList single = new IntArrayList(1);
        single.add(0);
        for (int id = 0; id < tokenBytes.length; id++) {
            single.set(0, id);
            tokenBytes[id] = encoding.decodeBytes(single);
            idOfBytes.put(ByteBuffer.wrap(tokenBytes[id]), id);
        }
        for (int b = 0; b < 256; b++) {
            byteTokens[b] = idOfBytes.get(ByteBuffer.wrap(new byte[] {(byte) b}));
        }
    }

    private static final class Shared {
        static final Gpt2Tokenizer INSTANCE = new Gpt2Tokenizer();
    }

    public static Gpt2Tokenizer shared() {
        return Shared.INSTANCE;
    }

    public int vocabularySize() {
        return VOCABULARY_SIZE;
    }

    /** The raw bytes of a token. */
    public Piece piece(int id) {
        Piece piece = pieces[id];
        if (piece == null) {
            // a benign race: pieces are immutable and interned, so two threads make equal ones
            piece = Piece.ofBytes(tokenBytes[id]);
            pieces[id] = piece;
        }
        return piece;
    }

    /** BPE of plain text; {@code <|endoftext|>} written in the text is ordinary text here. */
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /**
     * The ids of a prompt, keeping its token boundaries: a piece whose bytes are exactly one
     * token is that token (so continuing a node continues the tokens shown), any other piece
     * (typed text) is encoded with BPE on its own.
     */
    public int[] encode(Prompt prompt) {
        IntArrayList ids = new IntArrayList();
        for (Piece piece : prompt.pieces()) {
            byte[] bytes = piece.bytes();
            Integer id = idOfBytes.get(ByteBuffer.wrap(bytes));
            if (id != null) {
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
        IntArrayList stream = new IntArrayList();
        for (String document : documents) {
            stream.add(END_OF_TEXT);
            IntArrayList ids = encoding.encodeOrdinary(document);
            for (int i = 0; i < ids.size(); i++) {
                stream.add(ids.get(i));
            }
        }
        stream.add(END_OF_TEXT);
        return stream.toArray();
    }

    /** BPE over each valid UTF-8 stretch; each byte that does not decode becomes its byte token. */
    private void encodeBytes(byte[] bytes, IntArrayList ids) {
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

    private void appendBpe(CharBuffer text, IntArrayList ids) {
        text.flip();
        if (text.hasRemaining()) {
            IntArrayList encoded = encoding.encodeOrdinary(text.toString());
            for (int i = 0; i < encoded.size(); i++) {
                ids.add(encoded.get(i));
            }
        }
        text.clear();
    }
}
