package dev.weft.analysis;

import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded model on the bundled corpus, trained once per test JVM into a throwaway cache (never the user's). */
final class EmbeddedModels {
    private EmbeddedModels() {}

    static EmbeddedModel europarl() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final EmbeddedModel MODEL = train();
    }

    private static EmbeddedModel train() {
        try {
            Path cache = Files.createTempDirectory("weft-analysis-cache");
            EmbeddedModel model = EmbeddedModel.open(TrainingCorpus.europarl(), EmbeddedModel.DEFAULT_ORDER,
                    ModelCache.at(cache));
            Files.deleteIfExists(model.loadReport().cacheFile());
            Files.deleteIfExists(dev.weft.model.embedded.Gpt2Tokenizer.cacheFile(cache));
            Files.delete(cache);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
