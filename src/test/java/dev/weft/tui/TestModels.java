package dev.weft.tui;

import dev.weft.model.ModelException;
import dev.weft.model.embedded.EmbeddedModel;
import dev.weft.model.embedded.ModelCache;
import dev.weft.model.embedded.TrainingCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded model trained on the small corpus in test resources (once per JVM, in a throwaway cache). */
final class TestModels {
    private TestModels() {}

    static EmbeddedModel embedded() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final EmbeddedModel MODEL = train();
    }

    private static EmbeddedModel train() {
        try {
            Path cache = Files.createTempDirectory("weft-tui-test-cache");
            Path corpus = Path.of("src", "test", "resources", "tui", "corpus.txt");
            EmbeddedModel model = EmbeddedModel.open(TrainingCorpus.file(corpus), 3, ModelCache.at(cache));
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
