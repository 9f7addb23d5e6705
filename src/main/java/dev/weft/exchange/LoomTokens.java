package dev.weft.exchange;

import dev.weft.loom.Alternative;
import dev.weft.loom.Piece;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-token data of socketteer/loom files, in its two layouts (both from loom's source):
 * <ul>
 *   <li>{@code model_responses[id].completions[i].tokens}: a list of
 *       {@code {"generatedToken": {"token", "logprob"}, "position", "counterfactuals": {token: logprob}}}
 *       ({@code gpt.py}, format_openAI_token_dict and format_ai21_token_data);</li>
 *   <li>older files keep OpenAI's choice in the node: {@code meta.generation.logprobs} with parallel
 *       arrays {@code tokens}, {@code token_logprobs} and {@code top_logprobs} (a list of
 *       {token: logprob} objects) ({@code model.py} before model_responses).</li>
 * </ul>
 * A token that is raw bytes is written as OpenAI does, {@code bytes:\xe2\x80}.
 */
final class LoomTokens {
    private LoomTokens() {}

    /** Tokens of a {@code completions[i].tokens} list. */
    static TokenRun ofTokenList(ForeignJson list) throws ImportException {
        List<Token> tokens = new ArrayList<>();
        for (ForeignJson entry : list.elements()) {
            ForeignJson generated = entry.field("generatedToken");
            Piece piece = piece(generated.field("token"));
            double logprob = generated.has("logprob") ? generated.field("logprob").number() : Double.NaN;
            List<Alternative> alternatives = entry.has("counterfactuals") ? alternatives(entry.field("counterfactuals"))
                    : List.of();
            tokens.add(new Token(piece, logprob, alternatives));
        }
        return TokenRun.of(tokens);
    }

    /**
     * The tokens of a completion placed on its text by their {@code position: {start, end}} (char
     * offsets, as AI21's layout and weft's export write them), the text between them unscored; empty
     * when the positions do not place them there. Placed by bytes, as a token can end inside a
     * character whose other bytes nothing scored; failing that (bytes that are not UTF-8 read as
     * U+FFFD in the text) by chars.
     */
    static Optional<TokenRun> placed(ForeignJson list, String text) throws ImportException {
        TokenRun tokens = ofTokenList(list);
        Optional<TokenRun> byBytes = placedByBytes(list, tokens, text);
        return byBytes.isPresent() ? byBytes : placedByChars(list, tokens, text);
    }

    private static Optional<TokenRun> placedByChars(ForeignJson list, TokenRun tokens, String text)
            throws ImportException {
        List<Token> out = new ArrayList<>();
        int at = 0;
        List<ForeignJson> entries = list.elements();
        for (int i = 0; i < entries.size(); i++) {
            ForeignJson position = entries.get(i).field("position");
            int start = (int) position.field("start").number();
            int end = (int) position.field("end").number();
            if (start < at || end < start || end > text.length()) {
                return Optional.empty();
            }
            if (start > at) {
                out.add(Token.unscored(text.substring(at, start)));
            }
            out.add(tokens.token(i));
            at = end;
        }
        if (at < text.length()) {
            out.add(Token.unscored(text.substring(at)));
        }
        TokenRun run = TokenRun.of(out);
        return run.text().equals(text) ? Optional.of(run) : Optional.empty();
    }

    private static Optional<TokenRun> placedByBytes(ForeignJson list, TokenRun tokens, String text)
            throws ImportException {
        List<ForeignJson> entries = list.elements();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] byteAt = new int[text.length() + 1];
        for (int c = 0, b = 0; c <= text.length(); c++) {
            byteAt[c] = b;
            if (c < text.length()) {
                int cp = text.codePointAt(c);
                b += Character.isLowSurrogate(text.charAt(c)) ? 0
                        : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < entries.size(); i++) {
            ForeignJson position = entries.get(i).has("position") ? entries.get(i).field("position") : null;
            if (position == null || !position.isObject() || !position.has("start") || !position.has("end")) {
                return Optional.empty();
            }
            int start = (int) position.field("start").number();
            int end = (int) position.field("end").number();
            if (start < 0 || end < start || end > text.length()) {
                return Optional.empty();
            }
            byte[] piece = tokens.piece(i).bytes();
            int found = indexOf(bytes, piece, Math.max(at, byteAt[start]));
            if (found < 0 || found > byteAt[Math.min(end + 1, text.length())]) {
                return Optional.empty();
            }
            if (found > at) {
                out.add(new Token(Piece.ofBytes(Arrays.copyOfRange(bytes, at, found)), Double.NaN, List.of()));
            }
            out.add(tokens.token(i));
            at = found + piece.length;
        }
        if (at < bytes.length) {
            out.add(new Token(Piece.ofBytes(Arrays.copyOfRange(bytes, at, bytes.length)), Double.NaN, List.of()));
        }
        return Optional.of(TokenRun.of(out));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Tokens of an OpenAI {@code logprobs} object with parallel arrays. */
    static TokenRun ofLogprobs(ForeignJson logprobs) throws ImportException {
        List<ForeignJson> texts = logprobs.field("tokens").elements();
        List<ForeignJson> values = logprobs.field("token_logprobs").elements();
        if (values.size() != texts.size()) {
            throw logprobs.field("token_logprobs").error("has " + values.size() + " entries for " + texts.size()
                    + " tokens");
        }
        List<ForeignJson> tops = logprobs.has("top_logprobs") ? logprobs.field("top_logprobs").elements() : List.of();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ForeignJson top = i < tops.size() ? tops.get(i) : null;
            tokens.add(new Token(piece(texts.get(i)), values.get(i).numberOrNaN(),
                    top == null || top.isNull() ? List.of() : alternatives(top)));
        }
        return TokenRun.of(tokens);
    }

    private static List<Alternative> alternatives(ForeignJson counterfactuals) throws ImportException {
        List<Alternative> out = new ArrayList<>();
        for (Map.Entry<String, ForeignJson> e : counterfactuals.members().entrySet()) {
            double logprob = e.getValue().numberOrNaN();
            if (!Double.isNaN(logprob)) {
                out.add(new Alternative(piece(e.getKey()), logprob));
            }
        }
        return out;
    }

    private static Piece piece(ForeignJson token) throws ImportException {
        return piece(token.string());
    }

    /**
     * A token's text, or its bytes when written as OpenAI writes a token that is not whole UTF-8:
     * {@code bytes:} and then the bytes as Python shows them, {@code \xNN} for most but printable
     * ASCII as itself ({@code bytes: \xe6} is a space and 0xE6) and {@code \\ \n \t \r \'} for
     * those. Anything that is not such a spelling is text.
     */
    static Piece piece(String text) {
        if (!text.startsWith(LoomJsonExport.BYTES_PREFIX)) {
            return Piece.of(text);
        }
        String escaped = text.substring(LoomJsonExport.BYTES_PREFIX.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                if (c < 0x20 || c > 0x7e) {
                    return Piece.of(text);
                }
                bytes.write(c);
                i++;
                continue;
            }
            if (i + 1 >= escaped.length()) {
                return Piece.of(text);
            }
            char e = escaped.charAt(i + 1);
            int b = switch (e) {
                case '\\' -> '\\';
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '\'' -> '\'';
                case 'x' -> hexByte(escaped, i + 2);
                default -> -1;
            };
            if (b < 0) {
                return Piece.of(text);
            }
            bytes.write(b);
            i += e == 'x' ? 4 : 2;
        }
        return Piece.ofBytes(bytes.toByteArray());
    }

    /** The byte written as two hex digits at {@code at}, or -1. */
    private static int hexByte(String s, int at) {
        if (at + 2 > s.length()) {
            return -1;
        }
        int high = Character.digit(s.charAt(at), 16);
        int low = Character.digit(s.charAt(at + 1), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }
}
