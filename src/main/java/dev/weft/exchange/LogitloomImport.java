package dev.weft.exchange;

import dev.weft.loom.Alternative;
import dev.weft.loom.FinishReason;
import dev.weft.loom.Generation;
import dev.weft.loom.Origin;
import dev.weft.loom.SamplingParams;
import dev.weft.loom.Token;
import dev.weft.loom.TokenRun;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads logitloom's saved trees ({@code save-load.ts} and {@code logit-loom.ts} of vgel/logitloom):
 * {@code {"isLogitLoomTreeVersion": "logit-loom-tree-v1", "modelName", "modelSettings": {"kind",
 * "systemPrompt", "prompt", "prefill"}, "roots": [token]}}, a token being {@code {"id", "text",
 * "logprob", "prob", "branchFinished", "children": [token]}}. Logitloom's tree is one token per
 * node, and the siblings of a token are the alternatives the model reported at its position; weft
 * joins each chain of only children into one node and gives every token its siblings as
 * alternatives. For a chat model the prompt (the user's turn) is the root and the prefill (the
 * start of the assistant's reply) a node below it, which is where weft's chat backend puts the end of
 * the user's turn; for a base model the prompt and the prefill are one root text.
 */
final class LogitloomImport {
    static final String FORMAT = "logitloom";
    static final String VERSION = "logit-loom-tree-v1";

    private LogitloomImport() {}

    static boolean recognises(ForeignJson file) {
        return file.isObject() && file.has("isLogitLoomTreeVersion");
    }

    private record Pending(List<ForeignJson> siblings, int chosen, int parent) {}

    static ImportedTree read(ForeignJson file, Instant now) throws ImportException {
        ForeignJson version = file.field("isLogitLoomTreeVersion");
        if (!VERSION.equals(version.string())) {
            throw version.error("logitloom tree version \"" + version.string() + "\"; weft reads " + VERSION);
        }
        String model = file.field("modelName").string();
        ForeignJson settings = file.field("modelSettings");
        ImportReport report = new ImportReport();
        if (settings.has("systemPrompt") && !settings.field("systemPrompt").string().isEmpty()) {
            report.at(settings.field("systemPrompt").path(), "weft has no system prompt; it was left out");
        }
        String prompt = settings.has("prompt") ? settings.field("prompt").string() : "";
        String prefill = settings.has("prefill") ? settings.field("prefill").string() : "";
        boolean chat = settings.has("kind") && settings.field("kind").string().equals("chat");
        List<ImportedNode> nodes = new ArrayList<>();
        int start = 0;
        if (chat) {
            // the user's turn is the root and the assistant's reply starts below it, as weft's chat backend sends a path
            nodes.add(new ImportedNode(-1, Origin.PROMPT, TokenRun.unscored(prompt), null, false, false));
            if (!prefill.isEmpty()) {
                nodes.add(new ImportedNode(0, Origin.EDIT, TokenRun.unscored(prefill), null, false, false));
                start = 1;
            }
        } else {
            nodes.add(new ImportedNode(-1, Origin.PROMPT, TokenRun.unscored(prompt + prefill), null, false, false));
        }
        Deque<Pending> todo = new ArrayDeque<>();
        pushBranches(real(file.field("roots").elements()), start, todo);
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            List<Token> tokens = new ArrayList<>();
            List<ForeignJson> siblings = next.siblings();
            int chosen = next.chosen();
            while (true) {
                tokens.add(token(siblings, chosen));
                List<ForeignJson> children = real(children(siblings.get(chosen)));
                if (children.size() != 1) {
                    break;
                }
                siblings = children;
                chosen = 0;
            }
            ForeignJson token = siblings.get(chosen);
            FinishReason finish = token.has("branchFinished") && token.field("branchFinished").truthy()
                    ? FinishReason.STOP : FinishReason.LENGTH;
            // the file states no parameter (logitloom's temperature, width and depth differ by version and setting)
            SamplingParams params = SamplingParams.DEFAULTS;
            int index = nodes.size();
            nodes.add(new ImportedNode(next.parent(), Origin.MODEL, TokenRun.of(tokens),
                    new Generation(FORMAT, model, params, now, finish, Generation.PARAMS), false, false));
            pushBranches(real(children(token)), index, todo);
        }
        return new ImportedTree(FORMAT, nodes, -1, -1, report.lines());
    }

    /** Each token of a sibling list starts a branch; pushed last first, so they are taken in order. */
    private static void pushBranches(List<ForeignJson> siblings, int parent, Deque<Pending> todo) {
        for (int i = siblings.size() - 1; i >= 0; i--) {
            todo.push(new Pending(siblings, i, parent));
        }
    }

    private static Token token(List<ForeignJson> siblings, int i) throws ImportException {
        List<Alternative> alternatives = new ArrayList<>();
        for (ForeignJson sibling : siblings) {
            alternatives.add(new Alternative(LoomTokens.piece(sibling.field("text").string()),
                    sibling.field("logprob").number()));
        }
        ForeignJson token = siblings.get(i);
        return new Token(LoomTokens.piece(token.field("text").string()), token.field("logprob").number(), alternatives);
    }

    private static List<ForeignJson> children(ForeignJson token) throws ImportException {
        return token.has("children") ? token.field("children").elements() : List.of();
    }

    /**
     * The tokens without logitloom's end markers: when a whole branch stops at the top it adds a
     * finished pseudo-token, "(model stopped)" in early versions and "&lt;|stop|&gt;" (the finish
     * reason) later, with logprob 0 and no children.
     */
    private static List<ForeignJson> real(List<ForeignJson> tokens) throws ImportException {
        List<ForeignJson> out = new ArrayList<>();
        for (ForeignJson t : tokens) {
            String text = t.field("text").string();
            boolean marker = t.has("branchFinished") && t.field("branchFinished").truthy() && children(t).isEmpty()
                    && (text.equals("(model stopped)") || text.startsWith("<|") && text.endsWith("|>"));
            if (!marker) {
                out.add(t);
            }
        }
        return out;
    }
}
