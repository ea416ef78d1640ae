package org.gpsros.math;

/**
 * A small, portable, bit-exact pseudo-random generator (SplitMix64, Steele, Lea &amp; Flood 2014).
 *
 * <p>Its whole state is one {@code long}, so a checkpoint stores it exactly and a resumed run draws the same
 * numbers as an uninterrupted one. Normals use the recipe of {@code shared/data/lqr-parity/README.md}:
 * {@code sqrt(-2 ln(1 - u1)) * cos(2 pi u2)}, exactly two uniforms per normal, so streams stay aligned
 * across implementations.
 *
 * <p>Streams are derived, never shared: {@link #derive(long, long...)} mixes a run seed with a purpose and
 * indices (iteration, condition, sample) into an independent seed, so the random numbers a piece of work
 * sees do not depend on what ran before it.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The whole generator state; {@code new SplitMix64(s.state())} continues the same stream. */
    public long state() {
        return state;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextUniform() {
        return (nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** Standard normal (cos branch of Box–Muller; consumes exactly two uniforms). */
    public double nextNormal() {
        double u1 = nextUniform();
        double u2 = nextUniform();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Fills {@code out} with standard normals. */
    public void fillNormal(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextNormal();
        }
    }

    /** An independent seed for the stream named by {@code purpose} and {@code indices} under {@code seed}. */
    public static long derive(long seed, long purpose, long... indices) {
        long h = mix(seed + GOLDEN_GAMMA * (purpose + 1));
        for (long index : indices) {
            h = mix(h ^ mix(index + GOLDEN_GAMMA));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
