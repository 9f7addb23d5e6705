package dev.weft.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Loads weft's own classes afresh (so every class they need is asked of this loader) and refuses
 * the classes a start path must not touch, listing what was asked: how the fast-path tests show
 * that picocli, Jackson's mapper or jtokkit stay unloaded.
 */
public final class RefusingClassLoader extends ClassLoader {
    /** Names of the refused classes that were asked for, in order. */
    public final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<String> refuse;
    private final String why;

    /** @param why said in the refusal, e.g. "the fast path must not load picocli" */
    public RefusingClassLoader(Predicate<String> refuse, String why) {
        super(RefusingClassLoader.class.getClassLoader());
        this.refuse = refuse;
        this.why = why;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (refuse.test(name)) {
            refused.add(name);
            throw new ClassNotFoundException(name + " (" + why + ")");
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
