package dev.weft.tui.update;

import static dev.weft.tui.UiFixtures.NOW;
import static dev.weft.tui.UiFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.model.Capabilities;
import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.Reach;
import dev.weft.tui.UiFixtures;
import dev.weft.tui.keys.Action;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.ModelPicker;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.Next;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import dev.weft.tui.state.UiState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model picker (o) and switching backends: keys and answers in, state and effects out. */
class UpdateModelPickerTest {
    private static final List<ModelChoice> CHOICES = List.of(
            new ModelChoice("embedded", ModelChoice.Kind.EMBEDDED, "embedded n-gram", Reach.ready("in process")),
            new ModelChoice("tiny", ModelChoice.Kind.EMBEDDED, "tiny · tiny-1", Reach.ready("in process")),
            new ModelChoice("vllm", ModelChoice.Kind.PROFILE, "openai-completions · m @ http://gpu:8000/v1", Reach.CHECKING),
            new ModelChoice("llama3.2:1b", ModelChoice.Kind.MODEL_FILE, "gguf · ollama · /blobs/x",
                    Reach.ready("in process · llama 1.2B Q8_0 · 1.2 GB")));
    private static final Backend LLAMA = new Backend("llama3.2:1b", "gguf", "llama3.2:1b",
            new Capabilities(20, true, true, true, true, true));

    private static Next press(UiState s, Action a) {
        return Update.update(s, key(s, a));
    }

    private static ModelPicker picker(UiState s) {
        return assertInstanceOf(Overlay.Models.class, s.overlay()).picker();
    }

    /** The picker open on the listed choices, as the runner answers at once. */
    private static UiState opened() {
        UiState s = UiFixtures.withCompletion();
        Next open = press(s, Action.MODEL_PICKER);
        long request = ((Effect.ListModels) open.effects().get(0)).request();
        return Update.update(open.state(), new Msg.ModelsListed(request, CHOICES, true)).state();
    }

    @Test
    void vComparesAgainstTheChoiceKeepingTheBackendInUse() {
        UiState s = opened();
        s = s.withOverlay(new Overlay.Models(picker(s).withSelected(2)));
        assertEquals("vllm", picker(s).selectedChoice().name());
        Next next = press(s, Action.COMPARE_AGAINST);
        Overlay.Compare compare = assertInstanceOf(Overlay.Compare.class, next.state().overlay());
        assertEquals("vllm", compare.view().columns().get(1).profile());
        assertEquals("vllm", next.state().settings().experiments().vs(), "the second side of V from now on");
        assertEquals("vllm", SessionSettings.of(next.state()).get("vs"), "kept in the session");
        assertEquals(UiFixtures.withCompletion().settings().backend(), next.state().settings().backend(),
                "still generating with the backend in use");
        List<Effect.CompareContinue> asked = next.effects().stream().filter(e -> e instanceof Effect.CompareContinue)
                .map(e -> (Effect.CompareContinue) e).toList();
        assertEquals(2, asked.size());
        assertNull(asked.get(0).profile());
        assertEquals("vllm", asked.get(1).profile());
        assertTrue(next.effects().stream().noneMatch(e -> e instanceof Effect.SwitchBackend));
    }

    @Test
    void oInTheCompareViewChoosesItsSecondSideInThePicker() {
        UiState s = press(UiFixtures.withCompletion(), Action.COMPARE_VIEW).state();
        Next open = press(s, Action.CHOOSE_VS);
        ModelPicker vs = picker(open.state());
        assertTrue(vs.vs(), "opened to choose the other side");
        assertEquals("embedded", vs.current(), "marked: the side it compares with now");
        assertTrue(open.state().requests().isEmpty(), "the comparison's requests are dropped with the view");
        long request = ((Effect.ListModels) open.effects().stream().filter(e -> e instanceof Effect.ListModels)
                .findFirst().orElseThrow()).request();
        UiState listed = Update.update(open.state(), new Msg.ModelsListed(request, CHOICES, false)).state();
        assertEquals("embedded", picker(listed).selectedChoice().name(), "the bar starts on the side in use");
        UiState onTiny = press(listed, Action.ROW_DOWN).state();
        assertEquals(KeySpec.parse("Enter"), onTiny.settings().keymap().keyFor(
                dev.weft.tui.keys.Context.COMPARE_SIDE, Action.COMPARE_AGAINST).orElseThrow());
        Next chosen = Update.update(onTiny, new Msg.Key(KeySpec.parse("Enter"), NOW));
        Overlay.Compare compare = assertInstanceOf(Overlay.Compare.class, chosen.state().overlay(), "Enter compares");
        assertEquals("tiny", compare.view().columns().get(1).profile());
        assertEquals("tiny", chosen.state().settings().experiments().vs());
        assertTrue(chosen.effects().stream().noneMatch(e -> e instanceof Effect.SwitchBackend));
    }

    @Test
    void oOpensThePickerAtOnceAndAsksForTheListWhichFillsItIn() {
        UiState s = UiFixtures.withCompletion();
        Next open = press(s, Action.MODEL_PICKER);
        ModelPicker empty = picker(open.state());
        assertTrue(empty.choices().isEmpty());
        assertEquals(List.of(new Effect.ListModels(empty.request())), open.effects());

        UiState listed = Update.update(open.state(), new Msg.ModelsListed(empty.request(), CHOICES, true)).state();
        // the bar starts on the backend in use
        assertEquals("tiny", picker(listed).selectedChoice().name());
        assertTrue(picker(listed).searching());

        UiState probed = Update.update(listed, new Msg.ModelReached(empty.request(), "vllm",
                Reach.fail("connection refused"))).state();
        assertEquals(Reach.fail("connection refused"), picker(probed).choices().get(2).reach());

        // a later listing (model files found) keeps the probe's answer and the bar's backend
        List<ModelChoice> more = new java.util.ArrayList<>(CHOICES);
        more.add(0, new ModelChoice("flags", ModelChoice.Kind.PROFILE, "llamacpp", Reach.CHECKING));
        UiState relisted = Update.update(probed, new Msg.ModelsListed(empty.request(), more, false)).state();
        assertEquals(Reach.fail("connection refused"), picker(relisted).choices().get(3).reach());
        assertEquals("tiny", picker(relisted).selectedChoice().name());

        // answers to an earlier opening are dropped
        UiState stale = Update.update(relisted, new Msg.ModelReached(empty.request() - 1, "flags", Reach.ready("x"))).state();
        assertSame(relisted.overlay(), stale.overlay());
    }

    @Test
    void choosingAnotherModelLoadsItInTheBackgroundAndGenerationsUseItOnceLoaded() {
        UiState s = opened();
        s = press(s, Action.ROW_DOWN).state();
        s = press(s, Action.ROW_DOWN).state();
        assertEquals("llama3.2:1b", picker(s).selectedChoice().name());

        Next chosen = press(s, Action.USE_MODEL);
        UiState loading = chosen.state();
        assertSame(Overlay.NONE, loading.overlay());
        long request = ((Effect.SwitchBackend) chosen.effects().get(0)).request();
        assertEquals(List.of(new Effect.SwitchBackend(request, "llama3.2:1b")), chosen.effects());
        assertEquals(new Request.SwitchingBackend("llama3.2:1b"), loading.requests().get(request));
        assertTrue(loading.message().text().startsWith("loading llama3.2:1b…"), loading.message().text());
        assertEquals("tiny", loading.settings().backend().name());

        // the loom stays usable, but g waits for the chosen model instead of using the old one
        UiState moved = press(loading, Action.CURSOR_LEFT).state();
        assertEquals(loading.focus().cursor() - 1, moved.focus().cursor());
        Next early = press(loading, Action.GENERATE);
        assertTrue(early.effects().isEmpty());
        assertSame(loading.loom(), early.state().loom());
        assertTrue(early.state().message().text().startsWith("still loading llama3.2:1b"), early.state().message().text());

        UiState switched = Update.update(loading, new Msg.BackendSwitched(request, LLAMA)).state();
        assertEquals(LLAMA, switched.settings().backend());
        assertTrue(switched.requests().isEmpty());
        assertEquals("now generating with llama3.2:1b · llama3.2:1b", switched.message().text());

        Next g = press(switched, Action.GENERATE);
        assertTrue(g.effects().stream().anyMatch(e -> e instanceof Effect.Generate));
        var node = g.state().loom().node(g.state().focus().current());
        assertEquals("gguf", node.generation().backend());
        assertEquals("llama3.2:1b", node.generation().model());
    }

    @Test
    void aModelThatDoesNotOpenLeavesTheOneInUseAndSaysWhy() {
        UiState s = opened();
        s = press(s, Action.ROW_DOWN).state();
        Next chosen = press(s, Action.USE_MODEL);
        long request = ((Effect.SwitchBackend) chosen.effects().get(0)).request();
        UiState failed = Update.update(chosen.state(), new Msg.BackendNotSwitched(request, "vllm",
                "cannot reach http://gpu:8000/v1: connection refused")).state();
        assertEquals("tiny", failed.settings().backend().name());
        assertTrue(failed.requests().isEmpty());
        assertEquals("backend vllm: cannot reach http://gpu:8000/v1: connection refused · still generating with tiny",
                failed.message().text());
    }

    @Test
    void theLastChoiceWinsOverOneStillLoading() {
        UiState s = UiFixtures.withCompletion();
        Next first = Update.update(s, new Msg.CommandEntered("set backend vllm", NOW));
        long one = ((Effect.SwitchBackend) first.effects().get(0)).request();
        Next second = Update.update(first.state(), new Msg.CommandEntered("set backend llama3.2:1b", NOW));
        long two = ((Effect.SwitchBackend) second.effects().get(0)).request();
        assertEquals(1, second.state().requests().size());

        UiState late = Update.update(second.state(), new Msg.BackendSwitched(one,
                new Backend("vllm", "openai-completions", "m", LLAMA.capabilities()))).state();
        assertEquals("tiny", late.settings().backend().name());
        UiState done = Update.update(late, new Msg.BackendSwitched(two, LLAMA)).state();
        assertEquals("llama3.2:1b", done.settings().backend().name());
    }

    @Test
    void enterOnTheModelInUseClosesAndEscClosesWithoutSwitching() {
        UiState s = opened();
        Next same = press(s, Action.USE_MODEL);
        assertTrue(same.effects().isEmpty());
        assertSame(Overlay.NONE, same.state().overlay());
        assertEquals("already generating with tiny", same.state().message().text());

        Next esc = Update.update(s, new Msg.Key(KeySpec.parse("Esc"), NOW));
        assertTrue(esc.effects().isEmpty());
        assertSame(Overlay.NONE, esc.state().overlay());
        assertNull(esc.state().message());
    }
}
