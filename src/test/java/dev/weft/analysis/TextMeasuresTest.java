package dev.weft.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMeasuresTest {
    @Test
    void wordsAreLetterRunsAndSinglePunctuation() {
        assertEquals(List.of("There", "is", "no", "one", "answer", "—", "don't", "ask", "!", "!"),
                Words.of("There is no one answer — don't ask!!"));
        assertEquals(List.of("42", ",", "日本"), Words.of(" 42,\n日本 "));
        assertEquals(List.of(), Words.of(" \n\t"));
    }

    @Test
    void editDistanceCountsEdits() {
        assertEquals(3, EditDistance.between(chars("kitten"), chars("sitting")));
        assertEquals(0, EditDistance.between(List.of(), List.of()));
        assertEquals(2, EditDistance.between(List.of("a", "b"), List.of()));
        assertEquals(3.0 / 7, EditDistance.normalised(chars("kitten"), chars("sitting")), 1e-12);
        assertEquals(0, EditDistance.normalised(List.of(), List.of()));
        assertEquals(1, EditDistance.normalised(List.of("a"), List.of("b")));
    }

    @Test
    void closestStretchFindsTheNeedleAnywhere() {
        assertEquals(0, EditDistance.closestStretch(chars("decide."), chars("It is up to you to decide. Yes")));
        assertEquals(1.0 / 7, EditDistance.closestStretch(chars("decide."), chars("we decide!")), 1e-12);
        assertEquals(1, EditDistance.closestStretch(chars("abc"), chars("xyz")));
        assertEquals(1, EditDistance.closestStretch(chars("abc"), List.of()));
        assertEquals(0, EditDistance.closestStretch(List.of(), chars("xyz")));
    }

    @Test
    void sentencesEndAtPunctuationOrLineBreaks() {
        List<Sentences.Sentence> s = Sentences.of("  There is no one answer. Some say yes!\nOthers \"no.\" And then");
        assertEquals(List.of("There is no one answer.", "Some say yes!", "Others \"no.\"", "And then"),
                s.stream().map(Sentences.Sentence::text).toList());
        assertEquals(2, s.get(0).start());
        assertEquals(25, s.get(0).end());
        assertTrue(s.get(2).isComplete());
        assertFalse(s.get(3).isComplete());
        assertEquals("3.14 is pi.", Sentences.first("3.14 is pi. Really."));
        assertEquals("", Sentences.first(" \n "));
    }

    @Test
    void diversityOfIdenticalAndOfDifferentTexts() {
        Diversity same = Diversity.of(List.of("There is no answer. Yes.", "There is no answer. Yes."));
        assertEquals(2, same.samples());
        assertEquals(6.0 / 14, same.distinct1(), 1e-12); // "There is no answer . Yes ." twice: 6 distinct of 14
        assertEquals(6.0 / 12, same.distinct2(), 1e-12);
        assertEquals(0, same.meanEditDistance());
        assertEquals("There is no answer.", same.modalFirstSentence());
        assertEquals(1, same.modalFirstSentenceShare());

        Diversity mixed = Diversity.of(List.of("a b c", "a b d", "x y"));
        assertEquals(6.0 / 8, mixed.distinct1(), 1e-12);
        assertEquals(4.0 / 5, mixed.distinct2(), 1e-12); // ab, bc, ab, bd, xy
        assertEquals((1.0 / 3 + 1 + 1) / 3, mixed.meanEditDistance(), 1e-12);
        assertEquals("a b c", mixed.modalFirstSentence()); // every first sentence appears once: the earliest wins
        assertEquals(1.0 / 3, mixed.modalFirstSentenceShare(), 1e-12);
    }

    @Test
    void diversityOfOneTextHasNoPairs() {
        Diversity one = Diversity.of(List.of("hello"));
        assertTrue(Double.isNaN(one.meanEditDistance()));
        assertTrue(Double.isNaN(one.distinct2()));
        assertEquals(1, one.distinct1());
    }

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }
}
