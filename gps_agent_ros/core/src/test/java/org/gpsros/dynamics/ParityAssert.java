package org.gpsros.dynamics;

/** Error measures for parity tests: normwise relative (max |a − b| over max |b|) and absolute. */
final class ParityAssert {
    private ParityAssert() {
    }

    static double maxAbsDifference(double[][] actual, double[][] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("block counts differ: " + actual.length + " vs " + expected.length);
        }
        double max = 0.0;
        for (int b = 0; b < actual.length; b++) {
            if (actual[b].length != expected[b].length) {
                throw new AssertionError("block " + b + " sizes differ: " + actual[b].length + " vs " + expected[b].length);
            }
            for (int i = 0; i < actual[b].length; i++) {
                double diff = Math.abs(actual[b][i] - expected[b][i]);
                if (Double.isNaN(diff)) {
                    return Double.POSITIVE_INFINITY;
                }
                max = Math.max(max, diff);
            }
        }
        return max;
    }

    static double maxAbs(double[][] a) {
        double max = 0.0;
        for (double[] block : a) {
            for (double v : block) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** max |actual − expected| / max |expected| over all blocks. */
    static double relativeError(double[][] actual, double[][] expected) {
        return maxAbsDifference(actual, expected) / maxAbs(expected);
    }
}
