package dev.weft.tui.state;

import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import java.util.List;

/** What update asks the world to do, as data, so tests can assert it. The app loop runs them. */
public sealed interface Effect {

    /** Record a change to the loom in the session journal (update has already applied it to its loom). */
    record Journal(LoomAction action) implements Effect {}

    /** Sample {@code params.n()} completions of {@code prompt}, streaming back {@link Msg.TokensArrived}. */
    record Generate(long request, Prompt prompt, SamplingParams params) implements Effect {}

    /** Stop a generation; what arrived is kept. */
    record Cancel(long request) implements Effect {}

    /** Score {@code text} after {@code prompt} to colour an edited node. */
    record Score(long request, NodeId node, Prompt prompt, String text, int topLogprobs) implements Effect {}

    /** Expand the multiverse after {@code context}, answering with {@link Msg.MultiverseExpanded}. */
    record ExpandMultiverse(long request, Prompt context, MultiverseSettings settings) implements Effect {}

    /**
     * Score each candidate as the continuation of {@code context} (after {@code prefix}) on the backend
     * {@code profile} (null: the one in use), answering with {@link Msg.CandidatesScored}; {@code file},
     * when not null, holds the candidates one per line and {@code candidates} is empty.
     */
    record ScoreCandidates(long request, String profile, Prompt context, List<String> candidates, String file,
                           String prefix) implements Effect {
        public ScoreCandidates {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * Sample {@code params.n()} completions at one temperature of a sweep on the backend {@code profile}
     * (null: the one in use), answering with {@link Msg.SweepRowArrived}.
     */
    record SampleSweepRow(long request, String profile, Prompt context, SamplingParams params) implements Effect {}

    /** Keep a {@code :dist} or {@code :sweep} run in the session (journaled, then in the file on save). */
    record RecordAnalysis(dev.weft.analysis.AnalysisRecord record) implements Effect {}

    /**
     * The {@code :} line opened: give it its history and the names Tab completes, at once
     * ({@link Msg.CommandLineData}), before the next key.
     */
    record ReadCommandLine() implements Effect {}

    /** Search the tree's text, off the UI thread; the matches come back as {@link Msg.SearchDone}. */
    record Search(long request, String query, dev.weft.loom.Loom loom, dev.weft.loom.NodeId from) implements Effect {}

    /** Tab on a file argument: the file names that begin with {@code word}, at once ({@link Msg.FileNames}). */
    record ListFiles(String word) implements Effect {}

    /** Step aside from the terminal and edit {@code text} in the user's editor ({@link Msg.ExternallyEdited}). */
    record EditExternally(EditTarget target, String text) implements Effect {}

    /** Step aside from the terminal and stop weft until the shell continues it (fg). */
    record Suspend() implements Effect {}

    /** A command line was run: keep it in the history (across runs). */
    record RememberCommand(String line) implements Effect {}

    record Save() implements Effect {}

    record SaveAs(String path) implements Effect {}

    /** Put {@code text} on the terminal's clipboard (OSC 52), as the user asked ({@code y}). */
    record CopyToClipboard(String text) implements Effect {}

    /** Write {@code text} to the file {@code path} ({@code :yank FILE}); over an existing one only when {@code overwrite}. */
    record Yank(String path, String text, boolean overwrite) implements Effect {}

    record Open(String path) implements Effect {}

    /** Write {@code text} to a file. */
    record Export(String path, String text) implements Effect {}

    record LoadTheme(String name) implements Effect {}

    /** Open the backend {@code name} off the UI thread and generate with it from then on ({@link Msg.BackendSwitched}). */
    record SwitchBackend(long request, String name) implements Effect {}

    /**
     * List the backends for the model picker at once ({@link Msg.ModelsListed}, again when the search for
     * model files ends), then probe each that needs it, off the UI thread ({@link Msg.ModelReached}).
     */
    record ListModels(long request) implements Effect {}

    /** The user's answer to the start screen's offer, to remember in the config (a yes also switches, as the picker does). */
    record AnswerOffer(ModelOffer offer, boolean accepted) implements Effect {}

    /**
     * List the sessions in {@code folder} at once ({@link Msg.SessionsListed}), then read each one's first line
     * and node count, most recent first, off the UI thread ({@link Msg.SessionRead}).
     */
    record ListSessions(long request, String folder) implements Effect {}

    /** Save and leave. */
    record Quit() implements Effect {}

    /**
     * Sample {@code params.n()} completions of {@code prompt} on the backend {@code profile} (null: the one in
     * use) for the compare view, answering with {@link Msg.CompareArrived} or {@link Msg.CompareFailed}.
     */
    record CompareContinue(long request, String profile, Prompt prompt, SamplingParams params) implements Effect {}

    /** Read another session file for the compared-sessions view, answering with {@link Msg.CompareFileRead}. */
    record ReadCompareFile(long request, String path) implements Effect {}
}
