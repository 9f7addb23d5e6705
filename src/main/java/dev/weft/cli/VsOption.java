package dev.weft.cli;

import dev.weft.config.ConfigException;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** A second backend to run the same analysis on, for the essay's base-versus-tuned comparisons. */
final class VsOption {
    /** The name that means the embedded model rather than a profile of the config file. */
    static final String EMBEDDED = "embedded";

    @Option(names = "--vs", paramLabel = "PROFILE",
            description = "Also run on this profile of the config file ('embedded' for the embedded model) and show both.")
    String profile;

    boolean isSet() {
        return profile != null;
    }

    /** The second model; the embedded one is trained like the first (--corpus, --order). Only when {@link #isSet()}. */
    LanguageModel open(ModelOptions first, PrintWriter err, boolean debug) throws ModelException, ConfigException {
        ModelOptions second = new ModelOptions();
        second.corpus = first.corpus;
        second.order = first.order;
        if (EMBEDDED.equals(profile)) {
            return second.openEmbedded(err);
        }
        second.profile = profile;
        return second.open(err, debug);
    }
}
