package dev.weft.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters nobody stated (an imported tree's) are written null and read back unknown, never as numbers. */
class UnknownParamsTest {
    @TempDir Path dir;

    @Test
    void unstatedParametersStayUnknownThroughTheSessionFile() throws Exception {
        Generation g = new Generation("loom", "davinci", SamplingParams.DEFAULTS, Instant.EPOCH, FinishReason.STOP,
                Set.of("temperature", "top_p", "seed", "stop"));
        Loom loom = Loom.empty().addRoot(TokenRun.unscored("a")).loom()
                .append(new NodeId(0), TokenRun.unscored("b"), Origin.MODEL, g).loom();
        Session session = new Session(Instant.EPOCH, Instant.EPOCH, 0, SessionBackends.NONE, SessionView.START, loom);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionFile.write(session, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"temperature\":null"), text);
        Path file = Files.write(dir.resolve("s.json"), out.toByteArray());
        try (SessionStore store = SessionStore.openReadOnly(file)) {
            Generation back = store.loom().node(new NodeId(1)).generation();
            assertEquals(g, back);
            assertEquals(Set.of("seed", "stop", "temperature", "top_p"), back.unknown());
        }
    }
}
