package dev.weft.cli;

import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Which embedded model: the text it is trained on and its n-gram order. */
final class EmbeddedOptions {
    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Train the embedded model on this UTF-8 text (one document per line) instead of Europarl.")
    Path corpus;

    @Option(names = "--order", paramLabel = "N",
            description = "Embedded model n-gram order, 1..5 (default ${DEFAULT-VALUE}).")
    int order = EmbeddedModel.DEFAULT_ORDER;

    /** Loads the model from the cache, or trains it (saying so on {@code err}). */
    EmbeddedModel open(PrintWriter err) throws ModelException {
        TrainingCorpus source = corpus == null ? TrainingCorpus.europarl() : TrainingCorpus.file(corpus);
        EmbeddedModel embedded = EmbeddedModel.open(source, order, ModelOptions.cache());
        if (!embedded.loadReport().fromCache()) {
            err.printf(Locale.ROOT, "weft: trained the embedded model %s in %.1f s (cached in %s)%n", embedded.model(),
                    embedded.loadReport().elapsed().toMillis() / 1000.0, embedded.loadReport().cacheFile().getParent());
        }
        embedded.loadReport().cacheProblem().ifPresent(problem -> err.println("weft: " + problem));
        err.flush();
        return embedded;
    }
}
