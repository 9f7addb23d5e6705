package dev.weft.model.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscountsTest {
    @Test
    void estimatesFromCountOfCounts() {
        // n = 8, 2, 1, 0: Y = 8 / (8 + 4) = 2/3
        // D1 = 1 − 2·(2/3)·2/8 = 2/3; D2 = 2 − 3·(2/3)·1/2 = 1; D3+ = 3 − 4·(2/3)·0/1 = 3
        Discounts d = Discounts.estimate(8, 2, 1, 0);
        assertEquals(2.0 / 3, d.d1(), 1e-15);
        assertEquals(1.0, d.d2(), 1e-15);
        assertEquals(3.0, d.d3plus(), 1e-15);
        assertEquals(d.d1(), d.of(1));
        assertEquals(d.d2(), d.of(2));
        assertEquals(d.d3plus(), d.of(3));
        assertEquals(d.d3plus(), d.of(1000));
    }

    @Test
    void fallsBackWhenACountOfCountsIsZero() {
        assertEquals(Discounts.FALLBACK, Discounts.estimate(0, 5, 5, 5));
        assertEquals(Discounts.FALLBACK, Discounts.estimate(5, 0, 5, 5));
        assertEquals(Discounts.FALLBACK, Discounts.estimate(5, 5, 0, 5));
    }

    @Test
    void fallsBackWhenADiscountLeavesItsRange() {
        // n = 1, 1, 10, 1: Y = 1/3; D2 = 2 − 3·(1/3)·10/1 = −8, below 0
        assertEquals(Discounts.FALLBACK, Discounts.estimate(1, 1, 10, 1));
    }
}
