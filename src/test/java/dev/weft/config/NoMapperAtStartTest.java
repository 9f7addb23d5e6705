package dev.weft.config;

import dev.weft.testing.RefusingClassLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loom touches while it starts builds no Jackson ObjectMapper (a noticeable part of a
 * start): the classes are loaded afresh by a class loader that refuses ObjectMapper, initialised,
 * and asked what a start asks (no config file, no Ollama store).
 */
class NoMapperAtStartTest {
    private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    @TempDir Path home;

    @Test
    void loadingTheseClassesBuildsNoMapper() throws Exception {
        RefusingClassLoader loader = new RefusingClassLoader(MAPPER::equals,
                "a start must not build a mapper");
        for (String name : List.of("dev.weft.config.ConfigEdits", "dev.weft.config.ModelFolders",
                "dev.weft.model.local.OllamaStore", "dev.weft.model.local.LocalModels")) {
            Class.forName(name, true, loader);
        }
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void askingWhetherToOfferModelsWithoutAConfigBuildsNoMapper() throws Exception {
        RefusingClassLoader loader = new RefusingClassLoader(MAPPER::equals,
                "a start must not build a mapper");
        Class<?> edits = Class.forName("dev.weft.config.ConfigEdits", true, loader);
        Method offers = edits.getMethod("offersLocalModels", Path.class);
        assertEquals(true, offers.invoke(null, home.resolve("config.json")));
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void searchingAnEmptyHomeForModelFilesBuildsNoMapper() throws Exception {
        RefusingClassLoader loader = new RefusingClassLoader(MAPPER::equals,
                "a start must not build a mapper");
        Class<?> locations = Class.forName("dev.weft.model.local.StoreLocations", true, loader);
        Object stores = locations.getMethod("of", Map.class).invoke(null, Map.of("HOME", home.toString()));
        Class<?> local = Class.forName("dev.weft.model.local.LocalModels", true, loader);
        Object models = local.getConstructor(locations, List.class).newInstance(stores, List.of());
        Object scan = local.getMethod("scan").invoke(models);
        assertTrue(scan != null);
        assertEquals(List.of(), loader.refused);
    }
}
