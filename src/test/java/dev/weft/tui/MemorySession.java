package dev.weft.tui;

import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.tui.state.Focus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A session kept in memory: it applies every journaled action to its own loom, as the store does. */
final class MemorySession implements LoomSession {
    final List<LoomAction> journal = new ArrayList<>();
    final List<dev.weft.analysis.AnalysisRecord> analyses = new ArrayList<>();
    private final String name;
    private Loom loom;
    Focus focus;
    Map<String, String> settings;
    int saves;

    MemorySession(String name, Loom loom, Focus focus, Map<String, String> settings) {
        this.name = name;
        this.loom = loom;
        this.focus = focus;
        this.settings = settings;
    }

    static MemorySession empty() {
        return new MemorySession("test.json", Loom.empty(), Focus.NONE, Map.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Loom loom() {
        return loom;
    }

    @Override
    public Focus focus() {
        return focus;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public void record(LoomAction action) {
        journal.add(action);
        loom = action.apply(loom).loom();
    }

    @Override
    public void recordAnalysis(dev.weft.analysis.AnalysisRecord record) {
        analyses.add(record);
    }

    @Override
    public void recordView(Focus f, Map<String, String> s) {
        focus = f;
        settings = s;
    }

    @Override
    public void save() {
        saves++;
    }

    @Override
    public LoomSession saveAs(Path target) {
        MemorySession copy = new MemorySession(target.getFileName().toString(), loom, focus, settings);
        copy.journal.addAll(journal);
        return copy;
    }
}
