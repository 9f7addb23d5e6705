package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void countsLikeAHashMapThroughManyResizes() {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(50_000) * 0x1_0001L - 1000;
            map.add(key, 1);
            reference.merge(key, 1, Integer::sum);
        }
        assertEquals(reference.size(), map.size());
        reference.forEach((key, count) -> assertEquals(count, map.get(key, -1)));
        Map<Long, Integer> visited = new HashMap<>();
        map.forEach(visited::put);
        assertEquals(reference, visited);
    }

    @Test
    void everyLongIsAKeyIncludingZeroAndTheExtremes() {
        LongIntMap map = new LongIntMap(0);
        for (long key : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(-7, map.get(key, -7));
            map.add(key, 3);
            assertEquals(3, map.get(key, -7));
        }
        assertEquals(4, map.size());
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        LongIntMap map = new LongIntMap(8);
        assertEquals(0, map.putIfAbsent(42, map.size()));
        assertEquals(1, map.putIfAbsent(43, map.size()));
        assertEquals(0, map.putIfAbsent(42, map.size()));
        assertEquals(2, map.size());
    }
}
