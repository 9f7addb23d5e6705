package dev.weft.tui.update;

import dev.weft.analysis.Multiverse;
import dev.weft.analysis.MultiverseBlocks;
import dev.weft.analysis.MultiverseNode;
import dev.weft.analysis.MultiverseSettings;
import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.LoomAction;
import dev.weft.loom.Node;
import dev.weft.loom.NodeId;
import dev.weft.loom.Origin;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Focus;
import dev.weft.tui.state.Msg;
import dev.weft.tui.state.MultiverseView;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The multiverse view: expand the continuations after the cursor's token (off the UI thread),
 * move between blocks, zoom into one (its height becomes the whole) and out, and add the path to
 * a block to the tree as a branch there.
 */
final class MultiverseKeys {
    /** Deep and wide enough to fill 80 columns; the floor keeps the embedded model's expansion quick. */
    static final MultiverseSettings SETTINGS = new MultiverseSettings(4, 5, 0.002);

    private MultiverseKeys() {}

    /** Opens the view on the token under the cursor and asks for the expansion. */
    static void open(Step step) {
        ReadPath path = ReadPath.of(step.state.loom(), step.state.focus().current());
        if (path.size() == 0) {
            step.info("no text yet: i writes a prompt");
            return;
        }
        int cursor = path.clamp(step.state.focus().cursor());
        int k = path.nodeAt(cursor);
        Node node = path.node(k);
        int index = cursor - path.start(k);
        List<TokenRun> runs = new ArrayList<>(step.state.loom().pathRuns(node.id()));
        runs.set(runs.size() - 1, node.tokens().slice(0, index + 1));
        Prompt context = Prompt.of(runs);
        long id = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Expanding()))
                .withOverlay(new Overlay.Multiverse(MultiverseView.expanding(id, node.id(), index, context.text())));
        step.effect(new Effect.ExpandMultiverse(id, context, SETTINGS));
    }

    static void arrived(Step step, Msg.MultiverseExpanded msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Multiverse m && m.view().request() == msg.request()) {
            Multiverse multiverse = msg.multiverse();
            step.state = step.state.withOverlay(new Overlay.Multiverse(m.view().arrived(multiverse)));
            step.info(multiverse.nodeCount() + " blocks from " + multiverse.modelCalls() + " model calls · unexplored "
                    + Numbers.percent(multiverse.unexploredMass())
                    + (multiverse.unexpanded() > 0 ? " · " + multiverse.unexpandedNote() : ""));
        }
    }

    static void failed(Step step, Msg.AnalysisFailed msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Multiverse m && m.view().request() == msg.request()) {
            step.state = step.state.withOverlay(Overlay.NONE);
        }
        step.error("multiverse failed: " + msg.reason());
    }

    static void handle(Step step, Overlay.Multiverse overlay, Action action) {
        if (action == null) {
            return;
        }
        MultiverseView view = overlay.view();
        if (action == Action.CLOSE) {
            close(step, view);
            return;
        }
        if (view.multiverse() == null || view.selected().isEmpty()) {
            return;
        }
        switch (action) {
            case BLOCK_UP -> across(step, view, -1);
            case BLOCK_DOWN -> across(step, view, 1);
            case BLOCK_PARENT -> {
                if (view.selected().size() > view.zoom().size() + 1) {
                    show(step, view.with(view.zoom(), view.selected().subList(0, view.selected().size() - 1)));
                }
            }
            case BLOCK_CHILD -> {
                MultiverseNode at = last(view.selectedPath());
                if (!at.children().isEmpty()) {
                    show(step, view.with(view.zoom(), plus(view.selected(), 0)));
                }
            }
            case ZOOM_IN -> {
                MultiverseNode at = last(view.selectedPath());
                if (at.children().isEmpty()) {
                    step.info("nothing after this block to zoom into");
                } else {
                    show(step, view.with(view.selected(), plus(view.selected(), 0)));
                }
            }
            case ZOOM_OUT -> {
                if (view.zoom().isEmpty()) {
                    step.info("not zoomed in");
                } else {
                    show(step, view.with(view.zoom().subList(0, view.zoom().size() - 1), view.selected()));
                }
            }
            case ADD_PATH -> addPath(step, view);
            default -> { }
        }
    }

    private static void close(Step step, MultiverseView view) {
        if (view.request() != 0) {
            step.state = step.state.withRequests(step.state.requests().minus(view.request()));
        }
        step.state = step.state.withOverlay(Overlay.NONE);
    }

    /** The block above or below in the same column, whatever its parent. */
    private static void across(Step step, MultiverseView view, int delta) {
        List<Integer> relative = view.selected().subList(view.zoom().size(), view.selected().size());
        List<MultiverseBlocks.Block> level = MultiverseBlocks.of(view.shown()).levels().get(relative.size() - 1);
        for (int i = 0; i < level.size(); i++) {
            if (level.get(i).path().equals(relative)) {
                int j = Math.max(0, Math.min(level.size() - 1, i + delta));
                List<Integer> next = new ArrayList<>(view.zoom());
                next.addAll(level.get(j).path());
                show(step, view.with(view.zoom(), next));
                return;
            }
        }
    }

    /**
     * Adds the tokens from the cursor to the selected block as a branch at the cursor: the node is
     * split after the cursor's token (nothing is lost) and the path becomes a new model child,
     * each token keeping its probability and, as alternatives, the blocks beside it.
     */
    private static void addPath(Step step, MultiverseView view) {
        List<Token> tokens = new ArrayList<>();
        MultiverseNode parent = view.multiverse().root();
        boolean ended = false;
        for (MultiverseNode n : view.selectedPath()) {
            if (n.endsText()) {
                ended = true;
                break;
            }
            List<Alternative> beside = parent.children().stream().map(c -> new Alternative(c.piece(), c.logprob())).toList();
            tokens.add(new Token(n.piece(), n.logprob(), beside));
            parent = n;
        }
        if (tokens.isEmpty()) {
            step.info("this block ends the text: nothing to add");
            return;
        }
        NodeId at = view.node();
        if (!step.state.loom().contains(at)) {
            step.error("the node the multiverse grew from is gone");
            return;
        }
        if (view.index() + 1 < step.state.loom().node(at).tokens().size()) {
            step.apply(new LoomAction.Split(at, view.index() + 1));
        }
        Backend backend = step.state.settings().backend();
        Generation generation = new Generation(backend.kind(), backend.model(),
                step.state.settings().params().withN(1).withMaxTokens(tokens.size()), step.now,
                ended ? FinishReason.STOP : FinishReason.LENGTH);
        NodeId added = step.apply(new LoomAction.Append(at, TokenRun.of(tokens), Origin.MODEL, generation)).node();
        int end = ReadPath.of(step.state.loom(), added).size() - 1;
        step.state = step.state.withOverlay(Overlay.NONE).withFocus(new Focus(added, Math.max(0, end)));
        step.info("added " + tokens.size() + (tokens.size() == 1 ? " token" : " tokens") + " as a branch (p "
                + Numbers.percent(last(view.selectedPath()).pathProbability()) + ")");
    }

    private static void show(Step step, MultiverseView view) {
        step.state = step.state.withOverlay(new Overlay.Multiverse(view));
    }

    private static List<Integer> plus(List<Integer> walk, int index) {
        List<Integer> out = new ArrayList<>(walk);
        out.add(index);
        return out;
    }

    private static MultiverseNode last(List<MultiverseNode> path) {
        return path.get(path.size() - 1);
    }
}
