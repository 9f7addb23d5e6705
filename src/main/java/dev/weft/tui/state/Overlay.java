package dev.weft.tui.state;

import dev.weft.loom.NodeId;
import dev.weft.tui.keys.Context;

/** What sits on top of the view and takes the keys while it is open. */
public sealed interface Overlay {
    Overlay NONE = new None();

    Context context();

    record None() implements Overlay {
        public Context context() {
            return null;
        }
    }

    /** The top-k tokens at token {@code index} of {@code node}; {@code selected} is a row of the list. */
    record Alternatives(NodeId node, int index, int selected) implements Overlay {
        public Context context() {
            return Context.ALTERNATIVES;
        }
    }

    /** An inline editor: {@code caret} is a char offset into {@code text}. */
    record Editor(EditTarget target, String text, int caret) implements Overlay {
        public Editor {
            if (caret < 0 || caret > text.length()) {
                throw new IllegalArgumentException("caret " + caret + " outside the text");
            }
        }

        public Context context() {
            return Context.EDITOR;
        }
    }

    /** The search query being typed. */
    record SearchPrompt(String query) implements Overlay {
        public Context context() {
            return Context.SEARCH;
        }
    }

    /** The {@code :} command line, on the bottom row with the view above it. */
    record Command(CommandLine line) implements Overlay {
        public Context context() {
            return Context.COMMAND;
        }
    }

    /** A model file found on this machine, offered on the start screen (any key but its own closes it). */
    record Offer(ModelOffer offer) implements Overlay {
        public Context context() {
            return Context.OFFER;
        }
    }

    /** The key list; {@code top} is the first line shown. */
    record Help(int top) implements Overlay {
        public Context context() {
            return Context.HELP;
        }
    }

    /** The multiverse view, over the whole screen like help. */
    record Multiverse(MultiverseView view) implements Overlay {
        public Context context() {
            return Context.MULTIVERSE;
        }
    }

    /** The compare view: the current path continued by two backends side by side. */
    record Compare(CompareView view) implements Overlay {
        public Context context() {
            return Context.COMPARE;
        }
    }

    /** Two sessions' trees node by corresponding node ({@code :compare-file FILE}). */
    record CompareFile(CompareFileView view) implements Overlay {
        public Context context() {
            return Context.COMPARE_FILE;
        }
    }

    /** The convergence view over the children of a node, over the whole screen like help. */
    record Convergence(ConvergenceView view) implements Overlay {
        public Context context() {
            return Context.CONVERGENCE;
        }
    }

    /** The sweep view of {@code :sweep}, over the whole screen like help. */
    record Sweep(SweepView view) implements Overlay {
        public Context context() {
            return Context.SWEEP;
        }
    }

    /** The session picker a plain {@code weft} opens with: recent sessions to open, or a new one. */
    record Sessions(SessionPicker picker) implements Overlay {
        public Context context() {
            return picker.typing() ? Context.SESSION_FILTER : Context.SESSIONS;
        }
    }

    /** The model picker: the backends to generate with (or to compare with), and whether each answers. */
    record Models(ModelPicker picker) implements Overlay {
        public Context context() {
            return picker.vs() ? Context.COMPARE_SIDE : Context.MODELS;
        }
    }

    /** The distribution view of {@code :dist}, over the whole screen like help. */
    record Distribution(DistributionView view) implements Overlay {
        public Context context() {
            return Context.DISTRIBUTION;
        }
    }
}
