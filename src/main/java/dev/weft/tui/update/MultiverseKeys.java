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
import dev.weft.loom.Piece;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import dev.weft.model.Prompt;
import dev.weft.tui.keys.Action;
import dev.weft.tui.layout.Numbers;
import dev.weft.tui.layout.Quote;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Backend;
import dev.weft.tui.state.Effect;
import dev.weft.tui.state.Experiments;
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
    static final MultiverseSettings SETTINGS = Experiments.DEFAULTS.multiverse();

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
        Prompt context = context(step, node.id(), index);
        long id = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Expanding()))
                .withOverlay(new Overlay.Multiverse(MultiverseView.expanding(id, node.id(), index, context.text())));
        step.effect(new Effect.ExpandMultiverse(id, context, step.state.settings().experiments().multiverse()));
    }

    /** The text up to token {@code index} of {@code node}, keeping token boundaries. */
    private static Prompt context(Step step, NodeId node, int index) {
        List<TokenRun> runs = new ArrayList<>(step.state.loom().pathRuns(node));
        runs.set(runs.size() - 1, step.state.loom().node(node).tokens().slice(0, index + 1));
        return Prompt.of(runs);
    }

    /**
     * Zooms into the selected block and, the first time, looks further: an expansion of the text
     * up to the block, as deep as the settings say, with the floor relative to the block's mass.
     */
    private static void zoomIn(Step step, MultiverseView view) {
        List<MultiverseNode> path = view.selectedPath();
        MultiverseNode at = last(path);
        if (at.endsText()) {
            step.info("this block ends the text: nothing after it");
            return;
        }
        List<Integer> target = view.selected();
        MultiverseView zoomed = view.with(target, at.children().isEmpty() ? target : plus(target, 0));
        boolean ask = !view.grown().contains(target) && view.request() == 0 && step.state.loom().contains(view.node());
        if (!ask) {
            if (at.children().isEmpty()) {
                step.info("nothing after this block to zoom into");
                return;
            }
            show(step, zoomed);
            return;
        }
        List<Piece> pieces = new ArrayList<>(context(step, view.node(), view.index()).pieces());
        for (MultiverseNode n : path) {
            pieces.add(n.piece());
        }
        MultiverseSettings settings = step.state.settings().experiments().multiverse();
        long id = step.newRequest();
        step.state = step.state.withRequests(step.state.requests().plus(id, new Request.Expanding()));
        show(step, zoomed.growing(id, target));
        step.effect(new Effect.ExpandMultiverse(id, new Prompt(pieces), settings));
        step.info("expanding " + settings.depth() + " tokens below " + Quote.token(pathText(path)) + " (floor "
                + Numbers.percent(settings.minProbability()) + " of its " + Numbers.percent(at.pathProbability()) + ")");
    }

    private static String pathText(List<MultiverseNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (MultiverseNode n : nodes) {
            out.append(n.piece().text());
        }
        return out.toString();
    }

    static void arrived(Step step, Msg.MultiverseExpanded msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Multiverse m && m.view().request() == msg.request()) {
            Multiverse multiverse = msg.multiverse();
            keep(step, m.view(), multiverse);
            if (m.view().growing() != null) {
                step.state = step.state.withOverlay(new Overlay.Multiverse(m.view().grew(multiverse)));
                step.info(multiverse.nodeCount() + " blocks below the zoomed block from " + multiverse.modelCalls()
                        + " model calls · unexplored there " + Numbers.percent(multiverse.unexploredMass()));
                return;
            }
            step.state = step.state.withOverlay(new Overlay.Multiverse(m.view().arrived(multiverse)));
            step.info(multiverse.nodeCount() + " blocks from " + multiverse.modelCalls() + " model calls · unexplored "
                    + Numbers.percent(multiverse.unexploredMass())
                    + (multiverse.unexpanded() > 0 ? " · " + multiverse.unexpandedNote() : ""));
        }
    }

    /**
     * Keeps an expansion in the session as it arrives (the first, or the one below a zoomed block),
     * so the replay player draws the plot again without a model.
     */
    private static void keep(Step step, MultiverseView view, Multiverse arrived) {
        List<Integer> below = view.growing() == null ? List.of() : view.growing();
        String context = view.context();
        if (!below.isEmpty()) {
            List<Piece> pieces = new ArrayList<>(List.of(Piece.of(context)));
            MultiverseNode n = view.multiverse().root();
            for (int i : below) {
                n = n.children().get(i);
                pieces.add(n.piece());
            }
            context = new Prompt(pieces).text(); // a character split across blocks comes out whole
        }
        step.effect(new Effect.RecordAnalysis(new dev.weft.analysis.MultiverseRecord(step.now, view.node(), view.index(),
                context, DistributionKeys.side(step, null), below, arrived)));
    }

    static void failed(Step step, Msg.AnalysisFailed msg) {
        if (step.state.requests().get(msg.request()) == null) {
            return;
        }
        step.state = step.state.withRequests(step.state.requests().minus(msg.request()));
        if (step.state.overlay() instanceof Overlay.Multiverse m && m.view().request() == msg.request()) {
            step.state = step.state.withOverlay(m.view().growing() != null
                    ? new Overlay.Multiverse(m.view().growing(0, null)) : Overlay.NONE);
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
            case ZOOM_IN -> zoomIn(step, view);
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
        // nothing was sampled: the parameters say how the multiverse was expanded (its top-k), at T=0
        MultiverseSettings m = view.multiverse().settings();
        SamplingParams expansion = new SamplingParams(0, 1, m.top(), 0, tokens.size(), 1, m.top(), null, List.of());
        Generation generation = new Generation(backend.kind(), backend.model(), expansion, step.now,
                ended ? FinishReason.STOP : FinishReason.LENGTH);
        TokenRun run = TokenRun.of(tokens);
        NodeId added = step.apply(new LoomAction.Append(at, run, Origin.PICKED, generation)).node();
        int end = ReadPath.of(step.state.loom(), added).size() - 1;
        step.state = step.state.withOverlay(Overlay.NONE).withFocus(new Focus(added, Math.max(0, end)));
        StringBuilder ranks = new StringBuilder();
        for (int i = 0; i < run.size(); i++) {
            ranks.append(i == 0 ? "" : ",").append(Origin.rank(run, i));
        }
        step.info("picked " + tokens.size() + (tokens.size() == 1 ? " token" : " tokens") + " from the multiverse as a branch (p "
                + Numbers.percent(last(view.selectedPath()).pathProbability()) + " · ranks " + ranks + ")");
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
