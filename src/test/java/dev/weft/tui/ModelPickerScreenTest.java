package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.loom.SamplingParams;
import dev.weft.model.Cancellation;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.model.TokenSink;
import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.Reach;
import dev.weft.tui.keys.Action;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The model picker as a user sees it: it opens at once with the servers still being probed, fills in,
 * and choosing a model file says "loading" in the status bar until it is open, then who generates.
 * Model calls and probes wait in a queue here, so each stage can be seen.
 */
class ModelPickerScreenTest {
    /** Work queued by the app, run when the test says. */
    private static final class Queue implements Executor {
        final ArrayDeque<Runnable> jobs = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            jobs.add(r);
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                jobs.poll().run();
            }
        }
    }

    /** The tiny model under another name, as a model file would answer. */
    private static final class Renamed implements LanguageModel {
        private final TinyModel tiny = new TinyModel(true);

        @Override
        public String backend() {
            return "gguf";
        }

        @Override
        public String model() {
            return "llama3.2:1b";
        }

        @Override
        public Capabilities capabilities() {
            return tiny.capabilities();
        }

        @Override
        public List<Completion> generate(Prompt prompt, SamplingParams params, TokenSink sink, Cancellation cancel)
                throws ModelException {
            return tiny.generate(prompt, params, sink, cancel);
        }
    }

    private static BackendCatalog catalog(LanguageModel start) {
        LanguageModel file = new Renamed();
        return new BackendCatalog() {
            @Override
            public List<ModelChoice> choices() {
                return List.of(
                        new ModelChoice("embedded", ModelChoice.Kind.EMBEDDED, "n-gram model (Europarl), in process",
                                Reach.ready("in process")),
                        new ModelChoice("gpu-vllm", ModelChoice.Kind.PROFILE,
                                "openai-completions · meta-llama/Llama-3.1-8B @ http://gpu-box:8000/v1", Reach.CHECKING),
                        new ModelChoice("laptop", ModelChoice.Kind.PROFILE, "llamacpp · local @ http://127.0.0.1:8080",
                                Reach.CHECKING),
                        new ModelChoice("llama3.2:1b", ModelChoice.Kind.MODEL_FILE,
                                "ollama · /home/u/.ollama/models/blobs/sha256-74701a8c35f6",
                                Reach.ready("in process · llama 1.2B Q8_0 · 1.2 GB")));
            }

            @Override
            public Reach reach(ModelChoice choice) {
                return choice.name().equals("gpu-vllm")
                        ? Reach.fail("cannot connect to http://gpu-box:8000/v1/models: connection refused")
                        : Reach.ready("http://127.0.0.1:8080/health: ready");
            }

            @Override
            public LanguageModel open(String name) throws ModelException {
                return name.equals("llama3.2:1b") ? file : start;
            }
        };
    }

    @Test
    void thePickerOpensAtOnceFillsInAndTheChosenModelLoadsBehindTheLoom() throws Exception {
        Queue work = new Queue();
        LanguageModel embedded = TestModels.embedded();
        TuiHarness h = TuiHarness.withBackends(80, 24, embedded, catalog(embedded), work);
        h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
        work.runAll();
        h.settle();

        h.press(Action.MODEL_PICKER);
        Golden.assertScreen("model-picker-probing", h.screenText());
        work.runAll();
        h.settle();
        h.press(Action.ROW_DOWN, 3);
        Golden.assertScreen("model-picker", h.screenText());

        h.press(Action.USE_MODEL);
        Golden.assertScreen("model-picker-loading", h.screenText());
        work.runAll();
        h.settle();
        Golden.assertScreen("model-picker-switched", h.screenText());
        assertEquals("llama3.2:1b", h.state().settings().backend().name());

        h.command("set max-tokens 6").press(Action.GENERATE);
        work.runAll();
        h.settle();
        var node = h.state().loom().node(h.state().focus().current());
        assertEquals("llama3.2:1b", node.generation().model());
    }

    @Test
    void theCompareViewsSecondSideIsChosenInThePicker() throws Exception {
        for (int[] size : new int[][] {{100, 30}, {80, 24}}) {
            Queue work = new Queue();
            LanguageModel embedded = TestModels.embedded();
            TuiHarness h = TuiHarness.withBackends(size[0], size[1], embedded, catalog(embedded), work);
            h.press(Action.EDIT).type("Are bugs real?").press(Action.COMMIT);
            h.command("set max-tokens 6");
            work.runAll();
            h.settle();
            String name = "compare-vs-picker-" + size[0] + "x" + size[1];
            // from the compare view: o opens the picker on its second side; Enter compares with the choice
            h.press(Action.COMPARE_VIEW).press(Action.CHOOSE_VS);
            work.runAll();
            h.settle();
            h.press(Action.LAST_ROW);
            Golden.assertScreen(name, h.screenText());
            h.press(Action.COMPARE_AGAINST);
            work.runAll();
            h.settle();
            Golden.assertScreen(name + "-compared", h.screenText());
            var view = ((dev.weft.tui.state.Overlay.Compare) h.state().overlay()).view();
            assertEquals("llama3.2:1b", view.columns().get(1).model(), "the second side is the choice");
            assertEquals("embedded", h.state().settings().backend().name(), "still generating with the backend in use");
            // in the picker opened with o, V does the same from any row
            h.press(Action.CLOSE).press(Action.MODEL_PICKER);
            work.runAll();
            h.settle();
            h.press(Action.FIRST_ROW);
            Golden.assertScreen("model-picker-" + size[0] + "x" + size[1], h.screenText());
            h.press(Action.COMPARE_AGAINST);
            work.runAll();
            h.settle();
            assertEquals("embedded", ((dev.weft.tui.state.Overlay.Compare) h.state().overlay()).view().columns().get(1)
                    .profile());
            assertEquals("embedded", h.state().settings().experiments().vs());
        }
    }
}
