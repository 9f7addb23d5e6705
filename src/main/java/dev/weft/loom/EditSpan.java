package dev.weft.loom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a perturbation of a node's text branches off and what the branch holds. Edits are given
 * in chars of the decoded text; tokens are bytes, so the span is mapped to bytes first. The
 * branch starts at the token holding the first edited char and carries that token's bytes
 * before the edit, so the text before the edit is unchanged.
 *
 * @param tokenIndex the token the branch replaces from (the node's size when the edit is at its end)
 * @param bytes      the branch's text: lead of that token, the replacement, and the tail if kept
 */
record EditSpan(int tokenIndex, byte[] bytes) {

    static EditSpan of(NodeId id, TokenRun tokens, int start, int end, String replacement, boolean keepTail) {
        byte[] text = tokens.bytes();
        Utf8.Decoded decoded = Utf8.decode(text);
        int length = decoded.text().length();
        if (start < 0 || end < start || end > length) {
            throw new IllegalArgumentException("edit span " + start + ".." + end + " is outside " + id + " (" + length + " chars)");
        }
        int startByte = byteAtChar(decoded, start, text.length);
        int endByte = byteAtChar(decoded, end, text.length);
        int[] offsets = tokens.byteOffsets();
        int index = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (offsets[i + 1] > startByte) {
                index = i;
                break;
            }
        }
        int leadFrom = index < tokens.size() ? offsets[index] : text.length;
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        edited.write(text, leadFrom, startByte - leadFrom);
        edited.writeBytes(replacement.getBytes(StandardCharsets.UTF_8));
        if (keepTail) {
            edited.write(text, endByte, text.length - endByte);
        }
        return new EditSpan(index, edited.toByteArray());
    }

    /** The first byte of the char at {@code charOffset} (the byte length at the end). */
    private static int byteAtChar(Utf8.Decoded text, int charOffset, int byteLength) {
        int[] charAt = text.charAt();
        for (int b = 0; b < byteLength; b++) {
            if (charAt[b] >= charOffset) {
                return b;
            }
        }
        return byteLength;
    }
}
