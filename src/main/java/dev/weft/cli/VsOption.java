package dev.weft.cli;

import dev.weft.config.ConfigException;
import dev.weft.model.LanguageModel;
import dev.weft.model.ModelException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A second backend to run the same analysis on, for the essay's base-versus-tuned comparisons. */
final class VsOption {
    /** The name that means the embedded model rather than a profile of the config file. */
    static final String EMBEDDED = "embedded";

    @Option(names = "--vs", paramLabel = "PROFILE",
            description = "Also run on this profile of the config file ('embedded' for the embedded model) and"
                    + " show both.")
    String profile;

    @Option(names = "--vs-order", paramLabel = "N",
            description = "With --vs embedded: its n-gram order (default: as --order).")
    Integer order;

    @Option(names = "--vs-corpus", paramLabel = "FILE",
            description = "With --vs embedded: train it on this text (default: as --corpus).")
    Path corpus;

    boolean isSet() {
        return profile != null;
    }

    /** The second model, when {@link #isSet()}; an embedded one is trained like the first unless told otherwise. */
    LanguageModel open(ModelOptions first, PrintWriter err, boolean debug) throws ModelException, ConfigException {
        boolean embedded = EMBEDDED.equals(profile);
        if (!embedded && (order != null || corpus != null)) {
            throw new UsageException("--vs-order and --vs-corpus are for --vs embedded");
        }
        EmbeddedOptions second = new EmbeddedOptions();
        second.corpus = corpus != null ? corpus : first.embedded.corpus;
        second.order = order != null ? order : first.embedded.order;
        return ModelOptions.openProfile(profile, second, err, debug);
    }
}
