package dev.weft.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start's one collection: after the last background load, once, whether the loads worked or not. */
class HeapSettlerTest {
    @Test
    void collectsOnceAfterTheLastLoadNotAfterEach() {
        AtomicInteger collections = new AtomicInteger();
        HeapSettler settler = new HeapSettler(collections::incrementAndGet);
        Runnable model = settler.expect();
        Runnable session = settler.expect();
        model.run();
        assertEquals(0, collections.get(), "the session is still being read: its last nodes would stay young");
        session.run();
        assertEquals(1, collections.get());
        session.run();
        model.run();
        assertEquals(1, collections.get(), "a load reports once");
    }

    @Test
    void aNewSessionSettlesAfterTheModelAlone() {
        AtomicInteger collections = new AtomicInteger();
        HeapSettler settler = new HeapSettler(collections::incrementAndGet);
        settler.expect().run();
        assertEquals(1, collections.get());
    }
}
