package org.gpsros.policy;

import org.gpsros.math.SplitMix64;

/**
 * The order in which an S-step visits its training rows (reference {@code PolicyOptTf.update}, study §3.10 step 3,
 * with a fresh permutation per pass as {@link PolicyNetwork#train} specifies): the minibatch size is
 * B = min(batchSize, rows); a pass is ⌊rows/B⌋ consecutive minibatches of one permutation (the last rows/B
 * remainder of the permutation is skipped, as in the reference); at the start of every pass the permutation is
 * redrawn from the identity by a Fisher–Yates shuffle (i from rows−1 down to 1, swap i with
 * {@code random.nextInt(i+1)}). Every {@link PolicyNetwork} implementation should use this class, so that the same
 * data, seed and iterations visit the same rows whatever the network. Not thread-safe.
 */
public final class MinibatchOrder {
    private final int rows;
    private final int batchSize;
    private final int batchesPerPass;
    private final SplitMix64 random;
    private final int[] permutation;
    private long step;

    /**
     * @param rows number of training rows, ≥ 1
     * @param batchSize requested minibatch size, ≥ 1 (fewer rows than that: every minibatch is all rows)
     * @param random the stream the permutations are drawn from (advanced by every pass)
     */
    public MinibatchOrder(int rows, int batchSize, SplitMix64 random) {
        if (rows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need rows ≥ 1 and batchSize ≥ 1, got " + rows + " and " + batchSize);
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        this.rows = rows;
        this.batchSize = Math.min(batchSize, rows);
        this.batchesPerPass = rows / this.batchSize;
        this.random = random;
        this.permutation = new int[rows];
    }

    /** B, the number of rows of every minibatch. */
    public int batchSize() {
        return batchSize;
    }

    /** Minibatches per pass, ⌊rows/B⌋. */
    public int batchesPerPass() {
        return batchesPerPass;
    }

    /**
     * Writes the row indices of the next minibatch.
     *
     * @param out length ≥ {@link #batchSize()} (modified)
     */
    public void next(int[] out) {
        int batch = (int) (step % batchesPerPass);
        if (batch == 0) {
            shuffle();
        }
        System.arraycopy(permutation, batch * batchSize, out, 0, batchSize);
        step++;
    }

    private void shuffle() {
        for (int i = 0; i < rows; i++) {
            permutation[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
    }
}
