package dev.weft.tui.keys;

import java.util.Locale;

/**
 * Everything a key can do. The description is what help, the hint bar and the man page show;
 * the config name ({@code generate}, {@code tree-open}) is how the config file rebinds it.
 */
public enum Action {
    // moving the token cursor
    CURSOR_LEFT("previous token"),
    CURSOR_RIGHT("next token"),
    CURSOR_UP("line up", "up"),
    CURSOR_DOWN("line down", "down"),
    PAGE_UP("page up"),
    PAGE_DOWN("page down"),
    NODE_START("previous node boundary"),
    NODE_END("next node boundary; at the end, into the first child"),
    TEXT_START("start of the text"),
    TEXT_END("end of the text"),
    SIBLING_PREV("previous sibling", "previous"),
    SIBLING_NEXT("next sibling", "next"),

    // the model
    GENERATE("generate n children of the node under the cursor", "generate"),
    GENERATE_N("generate as many children as the digit says, now (n stays)", "generate N"),
    REGENERATE("regenerate from the cursor (branches there)", "regenerate"),
    CANCEL("cancel generation, keeping what arrived"),
    TEMPERATURE_DOWN("temperature down"),
    TEMPERATURE_UP("temperature up"),
    COUNT_DOWN("fewer completions (n)"),
    COUNT_UP("more completions (n)"),
    MAX_TOKENS_DOWN("fewer max tokens"),
    MAX_TOKENS_UP("more max tokens"),
    MODEL_PICKER("choose the model: profiles, embedded, model files", "model"),

    // changing the loom
    ALTERNATIVES("alternatives at the cursor", "alternatives"),
    EDIT("edit from the cursor (a perturbation), or write the prompt", "edit"),
    NEW_TREE("write a new prompt (a new tree)"),
    EDIT_EXTERNALLY("edit from the cursor to the end in $VISUAL or $EDITOR", "$EDITOR"),
    YANK("copy the path's text to the clipboard (OSC 52)", "copy"),
    BOOKMARK("bookmark the node (toggle)"),
    NEXT_BOOKMARK("go to the next bookmark"),
    NEXT_UNREAD("go to the next unread node (generated, not yet looked at)", "unread"),
    TAG("tag the node (opens :tag; :note writes a note)", "tag"),
    DELETE("delete the node and its subtree"),
    PRUNE("delete the node's siblings"),
    UNDO("undo the last delete or prune"),

    // views and tools
    SIBLINGS_VIEW("siblings side by side", "siblings"),
    TREE_VIEW("tree view", "tree"),
    HELP("help: every key", "help"),
    COMMAND_LINE("command line (:set, :w, :e, :export, :q ...)", "command"),
    SEARCH("search the text of all nodes", "search"),
    SEARCH_NEXT("next search match"),
    SEARCH_PREV("previous search match"),
    QUIT("save and quit", "quit"),
    SUSPEND("suspend weft (fg brings it back)"),
    BACK("back to the read view", "back"),

    // multiverse view
    MULTIVERSE_VIEW("multiverse of continuations after the cursor", "multiverse"),
    BLOCK_UP("block above", "up"),
    BLOCK_DOWN("block below", "down"),
    BLOCK_PARENT("parent block (the token before)", "back"),
    BLOCK_CHILD("likeliest next block", "next"),
    ZOOM_IN("zoom into the block: its height becomes the whole", "zoom"),
    ZOOM_OUT("zoom out one block", "zoom out"),
    ADD_PATH("add the path to the block to the tree, as a branch", "add"),

    // compare view
    COMPARE_VIEW("continue here and on the last :compare side (embedded)", "compare"),
    COLUMN_LEFT("left column", "left"),
    COLUMN_RIGHT("right column", "right"),
    ADD_COLUMN("add the column's completions as children of the node", "add"),
    CHOOSE_VS("choose the second side in the model picker", "other side"),
    // convergence view
    CONVERGENCE_VIEW("convergence of the branches leaving this path", "convergence"),
    SET_REFERENCE("make this path the reference of v", "reference"),

    // sweep view
    OPEN_SAMPLE("the selected sample whole, or the table again", "whole"),
    ADD_SAMPLE("add the selected sample to the tree, at its temperature", "add"),

    // distribution view
    SORT_BARS("bars by probability, or in candidate order (toggle)", "sort"),

    // alternatives popup
    CHOICE_UP("previous alternative", "up"),
    CHOICE_DOWN("next alternative", "down"),
    SWAP("branch here with the selected token", "swap"),
    SWAP_REGENERATE("branch with it and regenerate what follows", "swap+regenerate"),
    CLOSE("close", "close"),

    // the start screen's offer of a model file found on this machine
    USE_OFFERED("use the model offered (remembered in the config)", "use it"),
    DECLINE_OFFER("keep the embedded model, and do not offer again", "no"),

    // siblings view
    MORE_SIBLINGS("sample n more siblings", "more"),

    // tree view
    ROW_UP("previous row", "up"),
    ROW_DOWN("next row", "down"),
    COLLAPSE("collapse, or go to the parent", "fold"),
    EXPAND("expand, or go to the first child", "unfold"),
    TOGGLE_FOLD("expand or collapse"),
    OPEN("open in the read view", "open"),
    HOIST("hoist: show this subtree as the whole tree", "hoist"),
    UNHOIST("show the whole tree again"),
    FIRST_ROW("first row"),
    LAST_ROW("last row"),

    // session picker
    OPEN_SESSION("open the session", "open"),
    NEW_SESSION("start a new session", "new"),
    FILTER("filter by name or first line", "filter"),

    // model picker
    USE_MODEL("generate with this model from now on", "use"),
    COMPARE_AGAINST("compare against this model, here and with V from now on", "compare"),

    // search prompt
    RUN_SEARCH("find the matches", "find"),

    // replay player
    PLAY_PAUSE("play or pause the recording", "play"),
    STEP_FORWARD("next step", "step"),
    STEP_BACK("previous step", "back"),
    FIRST_STEP("first step"),
    JUMP("jump to the step typed before it (42G), or to the last", "jump"),
    SLOWER("play slower", "slower"),
    FASTER("play faster", "faster"),
    TAKE_OVER("take over: explore live from this step, in a new session", "take over"),
    LEAVE_PLAYER("leave the player", "quit"),

    // command line
    RUN_COMMAND("run the line", "run"),
    COMPLETE("complete the word; again: the next candidate", "complete"),
    HISTORY_PREV("older line from the history", "history"),
    HISTORY_NEXT("newer line from the history"),

    // text entry (editor, command line and search prompt)
    COMMIT("done: keep the text", "done"),
    ABANDON("discard the text", "discard"),
    NEWLINE("new line", "new line"),
    CARET_LEFT("caret left"),
    CARET_RIGHT("caret right"),
    CARET_UP("caret up a line"),
    CARET_DOWN("caret down a line"),
    CARET_HOME("caret to line start"),
    CARET_END("caret to line end"),
    DELETE_BACK("delete before the caret"),
    DELETE_FORWARD("delete at the caret"),
    KILL_TO_END("delete from the caret to the end", "kill to end"),
    KILL_TO_START("delete from the start to the caret"),
    DELETE_WORD("delete the word before the caret", "delete word"),
    WORD_LEFT("caret back a word"),
    WORD_RIGHT("caret forward a word");

    private final String description;
    private final String hint;

    Action(String description) {
        this(description, description);
    }

    Action(String description, String hint) {
        this.description = description;
        this.hint = hint;
    }

    public String description() {
        return description;
    }

    /** A word or two for the hint bar. */
    public String hint() {
        return hint;
    }

    /** The name used in the config file: {@code NEXT_BOOKMARK} → {@code next-bookmark}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Action fromConfigName(String name) {
        for (Action a : values()) {
            if (a.configName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "'");
    }
}
