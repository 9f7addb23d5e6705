package dev.weft.model.gguf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokenizer a GGUF file carries in its metadata ({@code tokenizer.ggml.*}): the vocabulary,
 * token types, special ids and the model-specific encoding ({@link BpeTokenizer} for {@code gpt2},
 * {@link SentencePieceTokenizer} for {@code llama}). Control and user-defined tokens written in
 * the text are read as those tokens, as llama.cpp's server does with a prompt.
 */
public abstract class GgufTokenizer {
    static final int NORMAL = 1, UNKNOWN = 2, CONTROL = 3, USER_DEFINED = 4, UNUSED = 5, BYTE = 6;

    final String[] tokens;
    final int[] types;
    final int bos;
    final int eos;
    final int eot;
    final boolean addBos;
    private final byte[][] pieces;
    private final Map<ByteBuffer, Integer> idOfPiece = new HashMap<>();
    private final String[] specials;
    private final int[] specialIds;
    private final java.util.BitSet specialFirstChars = new java.util.BitSet();

    GgufTokenizer(String[] tokens, int[] types, int bos, int eos, int eot, boolean addBos) {
        this.tokens = tokens;
        this.types = types;
        this.bos = bos;
        this.eos = eos;
        this.eot = eot;
        this.addBos = addBos;
        this.pieces = new byte[tokens.length][];
        List<Integer> special = new ArrayList<>();
        for (int id = 0; id < tokens.length; id++) {
            if ((types[id] == CONTROL || types[id] == USER_DEFINED) && !tokens[id].isEmpty()) {
                special.add(id);
            }
        }
        special.sort(Comparator.comparingInt((Integer id) -> -tokens[id].length()).thenComparingInt(id -> id));
        this.specialIds = special.stream().mapToInt(Integer::intValue).toArray();
        this.specials = special.stream().map(id -> tokens[id]).toArray(String[]::new);
        for (String s : specials) {
            specialFirstChars.set(s.charAt(0));
        }
    }

    /** Fills the decoded pieces; called once by subclasses after their own fields are set. */
    final void indexPieces() {
        for (int id = 0; id < tokens.length; id++) {
            pieces[id] = types[id] == CONTROL ? new byte[0] : decode(id);
            if (types[id] == NORMAL || types[id] == USER_DEFINED) {
                idOfPiece.putIfAbsent(ByteBuffer.wrap(pieces[id]), id);
            }
        }
        // a byte token stands for its byte only where no text token spells it (SentencePiece's <0x70> vs "p")
        for (int id = 0; id < tokens.length; id++) {
            if (types[id] == BYTE) {
                idOfPiece.putIfAbsent(ByteBuffer.wrap(pieces[id]), id);
            }
        }
    }

    public static GgufTokenizer read(GgufFile file) throws GgufException {
        String where = file.path().toString();
        String model = file.string("tokenizer.ggml.model");
        String[] tokens = file.strings("tokenizer.ggml.tokens");
        if (tokens.length == 0) {
            throw new GgufException(where + ": tokenizer.ggml.tokens is empty");
        }
        int[] types = new int[tokens.length];
        Arrays.fill(types, NORMAL);
        if (file.has("tokenizer.ggml.token_type")) {
            long[] t = file.integers("tokenizer.ggml.token_type");
            if (t.length != tokens.length) {
                throw new GgufException(where + ": " + t.length + " token types for " + tokens.length + " tokens");
            }
            for (int i = 0; i < t.length; i++) {
                types[i] = (int) t[i];
            }
        }
        int bos = id(file, "tokenizer.ggml.bos_token_id", tokens.length);
        int eos = id(file, "tokenizer.ggml.eos_token_id", tokens.length);
        int eot = id(file, "tokenizer.ggml.eot_token_id", tokens.length);
        switch (model) {
            case "gpt2": {
                boolean addBos = file.bool("tokenizer.ggml.add_bos_token", false) && bos >= 0;
                String pre = file.string("tokenizer.ggml.pre", "default");
                return new BpeTokenizer(tokens, types, bos, eos, eot, addBos, file.strings("tokenizer.ggml.merges"),
                        PreTokenizer.named(pre, where), where);
            }
            case "llama": {
                boolean addBos = file.bool("tokenizer.ggml.add_bos_token", true) && bos >= 0;
                float[] scores = file.floats("tokenizer.ggml.scores");
                if (scores.length != tokens.length) {
                    throw new GgufException(where + ": " + scores.length + " token scores for " + tokens.length
                            + " tokens");
                }
                boolean spacePrefix = file.bool("tokenizer.ggml.add_space_prefix", true);
                return new SentencePieceTokenizer(tokens, types, bos, eos, eot, addBos, scores, spacePrefix);
            }
            default:
                throw new GgufException(where + ": tokenizer " + model + " is not supported yet; supported: gpt2, llama");
        }
    }

    private static int id(GgufFile file, String key, int size) throws GgufException {
        if (!file.has(key)) {
            return -1;
        }
        long id = file.integer(key);
        if (id < 0 || id >= size) {
            throw new GgufException(file.path() + ": " + key + " " + id + " is outside the vocabulary of " + size);
        }
        return (int) id;
    }

    /** "gpt2 (llama3)", "llama". */
    public abstract String describe();

    /** The raw bytes of a text token (from the vocabulary's own spelling); control tokens are never asked. */
    abstract byte[] decode(int id);

    /** Encodes a stretch of text with no special tokens in it; {@code atStart}: it begins the whole text. */
    abstract void encodeText(String text, boolean atStart, List<Integer> out);

    public int size() {
        return tokens.length;
    }

    /** The bytes a token adds to the text: none for control tokens (BOS, EOS, chat markers). */
    public byte[] piece(int id) {
        return pieces[id];
    }

    public String text(int id) {
        return tokens[id];
    }

    public int bos() {
        return bos;
    }

    /** The token a document starts after when nothing else comes first: BOS, else EOS; -1 when neither. */
    public int documentStart() {
        return bos >= 0 ? bos : eos;
    }

    public boolean addsBos() {
        return addBos;
    }

    /** EOS, EOT, or any other control token ends a generated text. */
    public boolean endsGeneration(int id) {
        return id == eos || id == eot || types[id] == CONTROL;
    }

    /** The token whose bytes are exactly these, if any (text tokens only). */
    public Integer idOfPiece(byte[] bytes) {
        return idOfPiece.get(ByteBuffer.wrap(bytes));
    }

    /** The ids of {@code text}; {@code atStart} when it starts the model's input (no BOS is added here). */
    public int[] encode(String text, boolean atStart) {
        List<Integer> out = new ArrayList<>();
        int plainFrom = 0;
        int i = 0;
        boolean first = atStart;
        while (i < text.length()) {
            int special = specialAt(text, i);
            if (special < 0) {
                i++;
                continue;
            }
            if (i > plainFrom) {
                encodeText(text.substring(plainFrom, i), first, out);
            }
            first = true; // as llama.cpp: SentencePiece text after a special token gets its space prefix too
            out.add(specialIds[special]);
            i += specials[special].length();
            plainFrom = i;
        }
        if (plainFrom < text.length()) {
            encodeText(text.substring(plainFrom), first, out);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int specialAt(String text, int at) {
        if (!specialFirstChars.get(text.charAt(at))) {
            return -1;
        }
        for (int s = 0; s < specials.length; s++) {
            if (text.startsWith(specials[s], at)) {
                return s;
            }
        }
        return -1;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
