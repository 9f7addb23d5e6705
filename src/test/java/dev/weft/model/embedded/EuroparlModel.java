package dev.weft.model.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One order-4 model of the bundled corpus, trained once per test JVM (it takes a couple of seconds). */
final class EuroparlModel {
    private EuroparlModel() {}

    static EmbeddedModel get() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final EmbeddedModel MODEL = train();
    }

    /** Trains into a throwaway cache directory, never the user's, and removes it again. */
    private static EmbeddedModel train() {
        try {
            Path cacheDirectory = Files.createTempDirectory("weft-test-cache");
            EmbeddedModel model = EmbeddedModel.open(TrainingCorpus.europarl(), EmbeddedModel.DEFAULT_ORDER,
                    ModelCache.at(cacheDirectory));
            Files.deleteIfExists(model.loadReport().cacheFile());
            Files.deleteIfExists(Gpt2Tokenizer.cacheFile(cacheDirectory));
            Files.delete(cacheDirectory);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (dev.weft.model.ModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
