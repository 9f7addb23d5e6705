package dev.weft.cli;

import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.NodeMarks;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.TokenRun;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.session.BackendUse;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Records headless generations in a session, journaled like interactive exploration. The
 * completions of a prompt the session already has become new siblings under that prompt, so
 * repeated runs build one tree.
 */
final class SessionRecorder {
    private SessionRecorder() {}

    static void record(Path file, String prompt, LanguageModel model, SamplingParams params,
                       List<Completion> completions) throws SessionException, IOException {
        try (SessionStore store = SessionStore.openOrCreate(file)) {
            // one journal write and sync for the whole answer, not one per completion
            store.inOneWrite(() -> {
                store.recordBackend(new BackendUse(model.backend(), model.backend(), model.model()));
                NodeId root = existingRoot(store.loom(), prompt);
                if (root == null) {
                    root = store.record(new LoomAction.AddRoot(TokenRun.unscored(prompt))).node();
                }
                NodeId last = root;
                Instant now = Instant.now();
                for (Completion c : completions) {
                    Generation generation = new Generation(model.backend(), model.model(), params, now, c.finish())
                            .withUnknown(params.offAmong(model.defaultedWhenOff()));
                    last = store.record(new LoomAction.Append(root, c.run(), Origin.MODEL, generation)).node();
                    // nobody has read it yet: the loom marks it until it is looked at (Tab goes there)
                    store.record(new LoomAction.Mark(last, NodeMarks.NONE.withUnread(true)));
                }
                store.recordView(store.view().at(last, 0));
                return last;
            });
            store.save();
        }
    }

    private static NodeId existingRoot(Loom loom, String prompt) {
        for (NodeId id : loom.roots()) {
            Node root = loom.node(id);
            if (!root.deleted() && root.origin() == Origin.PROMPT && root.text().equals(prompt)) {
                return id;
            }
        }
        return null;
    }
}
