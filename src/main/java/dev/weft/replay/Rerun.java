package dev.weft.replay;

import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Loom;
import dev.weft.loom.LoomAction;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Utf8;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import dev.weft.model.Prompt;
import dev.weft.replay.StepOutcome.Outcome;
import dev.weft.session.BackendUse;
import dev.weft.session.JournalEntry;
import dev.weft.session.Session;
import dev.weft.session.SessionException;
import dev.weft.session.SessionStore;
import dev.weft.session.SessionView;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a recording against another model ("would the base model have collapsed here too?"):
 * every recorded model request is issued again to {@code model} with the same parameters, and
 * every other change is re-applied to the new tree by {@link Reapplication}, at the same text
 * position or, where the new text differs, at the nearest equivalent one. The new session is
 * written through {@code target} as it grows, so it is itself a recording that can be replayed.
 */
public final class Rerun {
    /**
     * @param profile the name the new session lists the model under
     * @param seed    replaces every recorded seed when not null
     */
    public record Settings(String profile, Long seed) {}

    /**
     * View settings whose value is a node id, so they must be translated to the new tree's ids:
     * the loom keeps the end of the read path and a hoisted node there (tui SessionFocus and
     * SessionSettings).
     */
    static final Set<String> NODE_SETTINGS = Set.of("path-end", "hoist");

    private final LanguageModel model;
    private final SessionStore target;
    private final Settings settings;
    private final Clock clock;
    private final Correspondence nodes = new Correspondence();
    private final Reapplication reapplication;
    /** Recorded nodes whose text a re-issued request replaced: their streamed tokens and finish are not replayed. */
    private final Set<NodeId> reissued = new HashSet<>();
    /** Each recorded node's streamed bytes, for comparing the recorded text with the new one. */
    private final Map<NodeId, ByteArrayOutputStream> streamed = new HashMap<>();
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private Session source;
    private int requests;
    private int completions;
    private int unchanged;

    private Rerun(Recording recording, LanguageModel model, SessionStore target, Settings settings, Clock clock) {
        this.model = model;
        this.target = target;
        this.settings = settings;
        this.clock = clock;
        this.source = recording.start();
        this.reapplication = new Reapplication(target, nodes, model);
        for (JournalEntry entry : recording.entries()) {
            if (entry instanceof JournalEntry.Action a && a.action() instanceof LoomAction.Extend extend) {
                streamed.computeIfAbsent(extend.node(), n -> new ByteArrayOutputStream())
                        .writeBytes(extend.tokens().bytes());
            }
        }
    }

    /**
     * Replays {@code recording} into {@code target} (a new, empty session).
     *
     * @throws ModelException   when a request fails; the new session holds the steps before it
     * @throws SessionException when the new session cannot be written
     */
    public static RerunReport run(Recording recording, LanguageModel model, SessionStore target, Settings settings,
                                  Clock clock) throws SessionException, ModelException {
        Rerun rerun = new Rerun(recording, model, target, settings, clock);
        target.recordBackend(new BackendUse(settings.profile(), model.backend(), model.model()));
        List<JournalEntry> entries = recording.entries();
        int i = 0;
        while (i < entries.size()) {
            RecordedRequest request = RecordedRequest.startingAt(entries, i);
            if (request != null) {
                rerun.reissue(entries.subList(i, i + request.size()), request);
                i += request.size();
            } else {
                rerun.replay(entries.get(i));
                i++;
            }
        }
        return new RerunReport(rerun.outcomes, rerun.requests, rerun.completions, rerun.unchanged);
    }

    private void replay(JournalEntry entry) throws SessionException, ModelException {
        Session before = source;
        source = source.apply(entry);
        if (entry instanceof JournalEntry.ViewChange v) {
            follow(v.view(), source.loom());
            return;
        }
        if (!(entry instanceof JournalEntry.Action a)) {
            return; // the new session names its own backend, recorded at the start
        }
        LoomAction action = a.action();
        if (action instanceof LoomAction.Extend e && reissued.contains(e.node())
                || action instanceof LoomAction.Finish f && reissued.contains(f.node())) {
            return; // part of a request already answered whole
        }
        StepSummary summary = StepSummary.of(entry, before, source);
        Reapplication.Result result = reapplication.apply(action, before.loom(), source.loom());
        outcomes.add(new StepOutcome(entry.seq(), summary.kind(), result.outcome(), result.note()));
    }

    private void reissue(List<JournalEntry> entries, RecordedRequest request) throws SessionException, ModelException {
        int firstId = source.loom().nextId();
        for (JournalEntry entry : entries) {
            source = source.apply(entry);
        }
        List<NodeId> recorded = new ArrayList<>();
        for (int k = 0; k < request.size(); k++) {
            recorded.add(new NodeId(firstId + k));
        }
        reissued.addAll(recorded);
        long seq = entries.get(0).seq();
        Optional<NodeId> parent = nodes.partner(request.parent());
        if (parent.isEmpty()) {
            recorded.forEach(n -> nodes.lose(n, "its request was skipped"));
            outcomes.add(new StepOutcome(seq, "completion", Outcome.SKIPPED, nodes.whyMissing(request.parent())));
            return;
        }
        SamplingParams params = paramsFor(request);
        Loom loom = target.loom();
        List<Completion> answers = model.generate(Prompt.of(loom.pathRuns(parent.get())), params);
        requests++;
        Generation asked = new Generation(model.backend(), model.model(), params, clock.instant(),
                FinishReason.RUNNING).withUnknown(params.offAmong(model.defaultedWhenOff()));
        int same = 0;
        String firstDifference = null;
        List<NodeId> made = new ArrayList<>();
        for (int k = 0; k < request.size(); k++) {
            Completion answer = k < answers.size() ? answers.get(k) : new Completion(List.of(), FinishReason.CUT);
            FinishReason finish = answer.finish() == FinishReason.RUNNING ? FinishReason.CUT : answer.finish();
            NodeId node = target.record(new LoomAction.Append(parent.get(), answer.run(), Origin.MODEL,
                    asked.finished(finish))).node();
            nodes.pair(recorded.get(k), node);
            made.add(node);
            String was = recordedText(request.appends().get(k), recorded.get(k));
            if (was.equals(answer.text())) {
                same++;
            } else if (firstDifference == null) {
                firstDifference = TextDifference.describe(was, answer.text());
            }
        }
        completions += request.size();
        unchanged += same;
        String note = "request under " + request.parent() + " → " + parent.get() + " answered in " + made + ": "
                + same + " of " + request.size() + " with the recorded text"
                + (firstDifference == null ? "" : "; first difference " + firstDifference)
                + unstated(request.generation(), params);
        outcomes.add(new StepOutcome(seq, "completion", same == request.size() ? Outcome.SAME : Outcome.CHANGED, note));
    }

    /** Parameters the recording did not state (an import) were asked at weft's defaults: say so, with the values. */
    private static String unstated(dev.weft.loom.Generation recorded, SamplingParams asked) {
        List<String> named = new ArrayList<>();
        if (!recorded.knows("temperature")) {
            named.add("T " + asked.temperature());
        }
        if (!recorded.knows("top_p")) {
            named.add("top-p " + asked.topP());
        }
        return named.isEmpty() ? "" : "; the recording does not say its " + String.join(", ", named.stream()
                .map(n -> n.substring(0, n.lastIndexOf(' '))).toList()) + ": asked at " + String.join(", ", named);
    }

    private SamplingParams paramsFor(RecordedRequest request) {
        SamplingParams recorded = request.generation().params();
        SamplingParams params = recorded.withN(request.size())
                .withTopLogprobs(model.capabilities().cappedTopLogprobs(recorded.topLogprobs()));
        return settings.seed() == null ? params : params.withSeed(settings.seed());
    }

    private String recordedText(LoomAction.Append append, NodeId node) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(append.tokens().bytes());
        ByteArrayOutputStream more = streamed.get(node);
        if (more != null) {
            bytes.writeBytes(more.toByteArray());
        }
        return Utf8.decode(bytes.toByteArray()).text();
    }

    /**
     * Moves the new session's view along with the recorded one: to the partner of the recorded
     * node, or, when it has none (a skipped step made it), to the end of its nearest ancestor that has.
     */
    private void follow(SessionView view, Loom recorded) throws SessionException {
        Map<String, String> settings = translated(view.settings());
        if (view.current() == null || !recorded.contains(view.current())) {
            target.recordView(new SessionView(null, 0, settings));
            return;
        }
        Optional<NodeId> partner = nodes.partner(view.current());
        int cursor = view.cursor();
        for (NodeId up = recorded.node(view.current()).parent(); partner.isEmpty() && up != null;
             up = recorded.node(up).parent()) {
            partner = nodes.partner(up);
            cursor = Integer.MAX_VALUE;
        }
        if (partner.isPresent()) {
            int tokens = target.loom().node(partner.get()).tokens().size();
            target.recordView(new SessionView(partner.get(), Math.min(cursor, Math.max(0, tokens - 1)), settings));
        }
    }

    /** The view's settings with the node ids among them named by their partners; one without a partner goes. */
    private Map<String, String> translated(Map<String, String> settings) {
        Map<String, String> out = new HashMap<>(settings);
        for (String key : NODE_SETTINGS) {
            String value = settings.get(key);
            if (value == null) {
                continue;
            }
            out.remove(key);
            try {
                nodes.partner(new NodeId(Integer.parseInt(value)))
                        .ifPresent(partner -> out.put(key, Integer.toString(partner.value())));
            } catch (IllegalArgumentException notAnId) {
                // not a node id after all: nothing to carry over
            }
        }
        return out;
    }
}
