package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Defines weft's own classes itself (so every class they load is asked of it) and refuses ObjectMapper. */
    private static final class NoMapper extends ClassLoader {
        final List<String> refused = Collections.synchronizedList(new ArrayList<>());

        NoMapper() {
            super(NoMapperAtStartTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(MAPPER)) {
                refused.add(name);
                throw new ClassNotFoundException(name + " (a start must not build a mapper)");
            }
            if (!name.startsWith("dev.weft.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void loadingTheseClassesBuildsNoMapper() throws Exception {
        NoMapper loader = new NoMapper();
        for (String name : List.of("dev.weft.config.ConfigEdits", "dev.weft.config.ModelFolders",
                "dev.weft.model.local.OllamaStore", "dev.weft.model.local.LocalModels")) {
            Class.forName(name, true, loader);
        }
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void askingWhetherToOfferModelsWithoutAConfigBuildsNoMapper() throws Exception {
        NoMapper loader = new NoMapper();
        Class<?> edits = Class.forName("dev.weft.config.ConfigEdits", true, loader);
        Method offers = edits.getMethod("offersLocalModels", Path.class);
        assertEquals(true, offers.invoke(null, home.resolve("config.json")));
        assertEquals(List.of(), loader.refused);
    }

    @Test
    void searchingAnEmptyHomeForModelFilesBuildsNoMapper() throws Exception {
        NoMapper loader = new NoMapper();
        Class<?> locations = Class.forName("dev.weft.model.local.StoreLocations", true, loader);
        Object stores = locations.getMethod("of", Map.class).invoke(null, Map.of("HOME", home.toString()));
        Class<?> local = Class.forName("dev.weft.model.local.LocalModels", true, loader);
        Object models = local.getConstructor(locations, List.class).newInstance(stores, List.of());
        Object scan = local.getMethod("scan").invoke(models);
        assertTrue(scan != null);
        assertEquals(List.of(), loader.refused);
    }
}
