package dev.weft.model.sampling;

/**
 * Orders token ids by probability, most likely first. Equal probabilities rank in ascending id
 * order, so a ranking never depends on hash order or sort stability: greedy decoding, top-k and
 * the reported alternatives all break ties the same way.
 */
public final class Ranking {
    private Ranking() {}

    /** The most likely id; the lowest id among equals. */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The {@code k} most likely ids in rank order (all ids when {@code k} is at least the length).
     * A bounded heap keeps this O(n log k), cheap for a top-20 over a 50k vocabulary.
     */
    public static int[] top(double[] probabilities, int k) {
        int n = Math.min(k, probabilities.length);
        if (n <= 0) {
            return new int[0];
        }
        // heap[0] is always the worst-ranked of the best n seen so far
        int[] heap = new int[n];
        for (int id = 0; id < n; id++) {
            heap[id] = id;
            siftUp(heap, id, probabilities);
        }
        double worstKept = probabilities[heap[0]];
        for (int id = n; id < probabilities.length; id++) {
            // ids arrive in ascending order, so an equal probability never outranks a kept id
            if (probabilities[id] > worstKept) {
                heap[0] = id;
                siftDown(heap, n, probabilities);
                worstKept = probabilities[heap[0]];
            }
        }
        int size = n;
        int[] ranked = new int[n];
        for (int r = n - 1; r >= 0; r--) {
            ranked[r] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, probabilities);
        }
        return ranked;
    }

    static boolean ranksBefore(int a, int b, double[] p) {
        return p[a] > p[b] || (p[a] == p[b] && a < b);
    }

    private static void siftUp(int[] heap, int i, double[] p) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!ranksBefore(heap[parent], heap[i], p)) {
                return;
            }
            swap(heap, parent, i);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] p) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (ranksBefore(heap[worst], heap[child], p)) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
