package dev.weft.tui.keys;

import java.util.Locale;

/** Where keys are read: each view and each overlay has its own table, listed in this order in help. */
public enum Context {
    READ("Read view", "the text from the root to the current node, with the token cursor"),
    ALTERNATIVES("Alternatives popup", "the tokens the model considered at the cursor"),
    EDITOR("Inline editor", "perturbing the text, or writing a prompt; other keys type text"),
    SIBLINGS("Siblings view", "the alternate completions of the current node, side by side"),
    TREE("Tree view", "the whole loom"),
    MULTIVERSE("Multiverse view", "the likeliest continuations after the cursor, as blocks as tall as their probability"),
    COMPARE("Compare view", "the current path continued by two backends side by side, with their figures"),
    COMPARE_FILE("Compared sessions", "this session and another file (:compare-file FILE), node by corresponding node"),
    CONVERGENCE("Convergence view", "the branches leaving a reference path with their endings aligned, and whether they re-join it"),
    DISTRIBUTION("Distribution view", "the probability of each candidate answer of :dist, as bars"),
    SWEEP("Sweep view", "samples of :sweep at each temperature, with how diverse they are"),
    SESSIONS("Session picker", "the sessions weft offers when started without a file, most recent first"),
    SESSION_FILTER("Session filter", "typing the session picker's filter; other keys type text"),
    MODELS("Model picker", "the backends to generate with: the config's profiles, the embedded model, model files on this machine"),
    COMPARE_SIDE("Second side picker", "the model picker opened from the compare view (o): the backend to compare with"),
    SEARCH("Search prompt", "typing a search; other keys type text"),
    COMMAND("Command line", "the : line on the bottom row (:set, :w, :e ...); other keys type text"),
    PLAYER("Replay player", "a recorded session step by step, as it was seen (weft replay FILE); digits type a step"),
    HELP("Help", "this screen"),
    OFFER("Model offer", "on the start screen, a model file found on this machine when no profile is configured;"
            + " any other key closes it and does what it does");

    private final String title;
    private final String about;

    Context(String title, String about) {
        this.title = title;
        this.about = about;
    }

    public String title() {
        return title;
    }

    public String about() {
        return about;
    }

    /** The name used in the config file: {@code "tree.hoist"}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
