package dev.weft.cli;

import dev.weft.analysis.AttractorReport;
import dev.weft.analysis.AttractorTree;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.model.LanguageModel;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Records attractor experiments in a session, journaled like interactive exploration: each
 * model's experiment under a new root, its perturbations as edit and swap branches, so the TUI
 * can walk them. The cursor is left on the first experiment's original completion.
 */
final class AttractorRecorder {
    private AttractorRecorder() {}

    /** One model's experiment and the name the user knows its backend by. */
    record Run(String profile, LanguageModel model, AttractorReport report) {}

    static void record(Path file, String prompt, SamplingParams params, List<Run> runs)
            throws SessionException, IOException {
        Instant now = Instant.now();
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            NodeId first = null;
            for (Run run : runs) {
                LanguageModel model = run.model();
                store.recordBackend(new BackendUse(run.profile(), model.backend(), model.model()));
                SamplingParams one = params.withN(1);
                Generation original = new Generation(model.backend(), model.model(), one.withTemperature(0), now,
                        FinishReason.RUNNING);
                Generation regenerated = new Generation(model.backend(), model.model(),
                        one.withTemperature(run.report().regenerateTemperature()), now, FinishReason.RUNNING);
                List<LoomAction> actions =
                        AttractorTree.actions(store.loom(), prompt, run.report(), original, regenerated);
                for (int i = 0; i < actions.size(); i++) {
                    NodeId node = store.record(actions.get(i)).node();
                    if (i == AttractorTree.ORIGINAL_COMPLETION && first == null) {
                        first = node;
                    }
                }
            }
            if (first != null) {
                store.recordView(store.view().at(first, 0));
            }
            store.save();
        }
    }
}
