package dev.weft.tui.state;

import dev.weft.analysis.CandidateDistribution;
import dev.weft.analysis.Multiverse;
import dev.weft.analysis.SweepRow;
import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.loom.Token;
import dev.weft.model.Completion;
import dev.weft.tui.keys.KeySpec;
import dev.weft.tui.theme.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything that can happen to the UI, as data. Effects come back as messages. */
public sealed interface Msg {

    /** A key, with the time it was read (stamped on nodes it creates). */
    record Key(KeySpec key, Instant at) implements Msg {}

    record Resized(Size size) implements Msg {}

    /** Tokens of one choice of a generation, in order (consecutive arrivals are merged). */
    record TokensArrived(long request, int choice, List<Token> tokens) implements Msg {
        public TokensArrived {
            tokens = List.copyOf(tokens);
        }
    }

    /** The backend returned: each completion in full (for backends that do not stream) and how it ended. */
    record GenerationDone(long request, List<Completion> completions) implements Msg {
        public GenerationDone {
            completions = List.copyOf(completions);
        }
    }

    record GenerationFailed(long request, String reason) implements Msg {}

    record Scored(long request, NodeId node, List<Token> tokens) implements Msg {
        public Scored {
            tokens = List.copyOf(tokens);
        }
    }

    record ScoreFailed(long request, String reason) implements Msg {}

    record MultiverseExpanded(long request, Multiverse multiverse, Instant at) implements Msg {
        /** For tests, where the time does not matter. */
        public MultiverseExpanded(long request, Multiverse multiverse) {
            this(request, multiverse, Instant.EPOCH);
        }
    }

    /** A candidate set scored by {@code answered} (its name null: the backend in use), at {@code at}. */
    record CandidatesScored(long request, Backend answered, CandidateDistribution distribution, Instant at)
            implements Msg {}

    /** One temperature of a sweep sampled by {@code answered} (its name null: the backend in use), at {@code at}. */
    record SweepRowArrived(long request, Backend answered, SweepRow row, Instant at) implements Msg {}

    /** An analysis (multiverse, distribution, sweep) failed; the reason is one line. */
    record AnalysisFailed(long request, String reason) implements Msg {}

    /** A line typed on the {@code :} command line (null when the user left it empty or pressed Ctrl-C/D). */
    record CommandEntered(String line, Instant at) implements Msg {}

    /** What the open {@code :} line completes from and steps through with Up and Down. */
    record CommandLineData(List<String> history, List<String> themes, List<String> backends) implements Msg {
        public CommandLineData {
            history = List.copyOf(history);
            themes = List.copyOf(themes);
            backends = List.copyOf(backends);
        }
    }

    /** The files (a directory ends in '/') whose path begins with {@code word}. */
    record FileNames(String word, List<String> names) implements Msg {
        public FileNames {
            names = List.copyOf(names);
        }
    }

    /** The text as the user left it in their editor ({@code E}). */
    record ExternallyEdited(EditTarget target, String text) implements Msg {}

    /** weft was suspended (C-z) and the shell has continued it. */
    record Resumed() implements Msg {}

    record ThemeLoaded(Theme theme) implements Msg {}

    /** The backend asked for by {@code request} is open: generations use it from now on. */
    record BackendSwitched(long request, Backend backend) implements Msg {}

    /** The backend asked for by {@code request} did not open; the one in use stays. */
    record BackendNotSwitched(long request, String name, String reason) implements Msg {}

    /** The model picker's choices as known now; {@code searching}: more model files may follow. */
    record ModelsListed(long request, java.util.List<dev.weft.model.choice.ModelChoice> choices, boolean searching)
            implements Msg {
        public ModelsListed {
            choices = java.util.List.copyOf(choices);
        }
    }

    /** weft started without a file: offer the sessions in {@code folder} (the session picker). */
    record OfferSessions(String folder) implements Msg {}

    /** The session files found, most recently changed first, as of {@code at}. */
    record SessionsListed(long request, java.util.List<SessionPicker.Entry> entries, Instant at) implements Msg {
        public SessionsListed {
            entries = java.util.List.copyOf(entries);
        }
    }

    /** One session file read: its first line and node count, or why it could not be read. */
    record SessionRead(long request, String path, String firstLine, int nodes, String problem) implements Msg {}

    /** What the doctor's probe found for one of the picker's choices. */
    record ModelReached(long request, String name, dev.weft.model.choice.Reach reach) implements Msg {}

    /** A model file found on this machine is worth offering (no profile is configured, none was declined). */
    record ModelOffered(ModelOffer offer) implements Msg {}

    /** The in-process model named {@code backend} reports its key/value cache after a request. */
    record CacheReported(String backend, dev.weft.model.KvCacheStats stats) implements Msg {}

    /** Another session file was opened: its loom, where the user was, and its saved settings. */
    record SessionOpened(String name, Loom loom, Focus focus, Map<String, String> settings) implements Msg {
        public SessionOpened {
            settings = Map.copyOf(settings);
        }
    }

    /** An effect finished and has something to say (saved, exported...). */
    record Notice(String text) implements Msg {}

    /** A search's matches in tree order, and which is the first after the node it started from. */
    record SearchDone(long request, String query, List<NodeId> matches, int first) implements Msg {
        public SearchDone {
            matches = List.copyOf(matches);
        }
    }

    /** An effect failed; the reason is one line fit for the message bar. */
    record Failure(String reason) implements Msg {}

    /** A loom change the screen shows could not be journaled (the writer's one-line reason). */
    record NotRecorded(dev.weft.loom.LoomAction action, String reason) implements Msg {}

    /** The session was written whole: everything on screen is in the file. */
    record Saved(String name) implements Msg {}

    /** A save failed: the previous file is intact; the reason is one line. */
    record SaveFailed(String reason) implements Msg {}

    /** One side of the compare view: which backend and model answered, and its completions. */
    record CompareArrived(long request, String backend, String model, List<Completion> completions, Instant at)
            implements Msg {
        public CompareArrived {
            completions = List.copyOf(completions);
        }

        /** For tests, where the time does not matter. */
        public CompareArrived(long request, String backend, String model, List<Completion> completions) {
            this(request, backend, model, completions, Instant.EPOCH);
        }
    }

    record CompareFailed(long request, String reason, Instant at) implements Msg {
        /** For tests, where the time does not matter. */
        public CompareFailed(long request, String reason) {
            this(request, reason, Instant.EPOCH);
        }
    }

    /** The other session of the compared-sessions view, read ({@code loom}) or not ({@code failure}). */
    record CompareFileRead(long request, String name, Loom loom, String failure) implements Msg {}
}
