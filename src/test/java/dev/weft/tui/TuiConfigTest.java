package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuiConfigTest {

    @Test
    void readsTheTuiSectionAndLeavesTheRestAlone() throws IOException {
        TuiConfig c = TuiConfig.parse("""
                {"default_profile": "x", "profiles": {},
                 "tui": {"theme": "monochrome", "colors": "256",
                         "keys": {"generate": "g F5", "tree.hoist": ["H", "z"], "prune": ""}}}
                """, "config.json");
        assertEquals("monochrome", c.theme());
        assertEquals("256", c.colors());
        assertEquals(Map.of("generate", List.of("g", "F5"), "tree.hoist", List.of("H", "z"), "prune", List.of()), c.keys());
        assertEquals(TuiConfig.NONE, TuiConfig.parse("{\"profiles\": {}}", "c"));
    }

    @Test
    void aTypoIsAnErrorNotASilentlyIgnoredSetting() {
        assertTrue(assertThrows(IOException.class, () -> TuiConfig.parse("{\"tui\": {\"colours\": \"256\"}}", "c"))
                .getMessage().contains("unknown key tui.colours"));
        assertTrue(assertThrows(IOException.class, () -> TuiConfig.parse("{\"tui\": ", "c")).getMessage().contains("not valid JSON"));
    }
}
