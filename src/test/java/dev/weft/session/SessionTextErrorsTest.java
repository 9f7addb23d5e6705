package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes that are not UTF-8, and JSON that does not parse, are refused in weft's words: one line, file:line:column. */
class SessionTextErrorsTest {
    @TempDir
    Path dir;

    private Path withText(byte[] inText) throws Exception {
        String valid = new String(Files.readAllBytes(validFile()), StandardCharsets.UTF_8);
        int at = valid.indexOf("\"Hi\"") + 1; // inside the prompt's text, in whichever layout the version writes
        if (at <= 0) {
            throw new AssertionError("no \"Hi\" in " + valid);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(inText);
        out.write(valid.substring(at).getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("bad.json"), out.toByteArray());
    }

    private Path validFile() throws Exception {
        Path file = dir.resolve("valid.json");
        if (!Files.exists(file)) {
            try (SessionStore store = SessionStore.openOrCreate(file)) {
                store.record(new dev.weft.loom.LoomAction.AddRoot(dev.weft.loom.TokenRun.unscored("Hi")));
                store.save();
            }
        }
        return file;
    }

    private static String failure(Path file) {
        return assertThrows(SessionException.class, () -> SessionReader.read(file)).getMessage();
    }

    @Test
    void aCodePointAboveTheUnicodeRangeIsRefusedLikeOtherInvalidUtf8() throws Exception {
        Path file = withText(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        String message = failure(file);
        assertTrue(message.matches("\\Q" + file + "\\E:\\d+:\\d+: invalid UTF-8: .*"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void otherInvalidUtf8IsSaidTheSameWay() throws Exception {
        for (byte[] bad : new byte[][] {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}}) {
            String message = failure(withText(bad));
            assertTrue(message.contains(": invalid UTF-8: "), message);
            assertFalse(message.contains("\n"), message);
        }
    }

    @Test
    void parseErrorsLeakNoLibraryWording() throws Exception {
        String valid = Files.readString(validFile());
        String[] brokens = {valid.substring(0, valid.length() * 2 / 3), valid.replaceFirst("\"Hi\"", "\"Hi"),
                valid.replace("\"next_id\"", "next_id"), valid.replaceFirst("\"journal_seq\":\\s*\\d+", "\"journal_seq\": 1e999999999"),
                "{\"format\": \"weft-session\" ,,}"};
        for (String broken : brokens) {
            assertFalse(broken.equals(valid), "a mutation that changed nothing");
            Path file = Files.writeString(dir.resolve("broken.json"), broken);
            String message = failure(file);
            assertTrue(message.matches("\\Q" + file + "\\E:\\d+:\\d+: .*"), message);
            for (String leak : new String[] {"StreamReadFeature", "Source:", "REDACTED", "JsonParser", "jackson", "(code "}) {
                assertFalse(message.contains(leak), message);
            }
            assertFalse(message.contains("\n"), message);
        }
    }
}
