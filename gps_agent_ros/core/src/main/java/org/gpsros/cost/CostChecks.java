package org.gpsros.cost;

/** Argument checks shared by the cost config records; messages name the offending field. */
final class CostChecks {
    private CostChecks() {
    }

    static double[] finiteCopy(String field, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }

    static double[] nonNegativeCopy(String field, double[] values) {
        double[] copy = finiteCopy(field, values);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0) {
                throw new IllegalArgumentException(field + "[" + i + "] must be ≥ 0, got " + copy[i]);
            }
        }
        return copy;
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and ≥ 0, got " + value);
        }
    }

    static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }

    /** l1, l2 ≥ 0 and α ≥ 0, with α &gt; 0 whenever l1 &gt; 0 (else the l1 term is singular at d = 0). */
    static void penalty(double l1, double l2, double alpha) {
        nonNegative("l1", l1);
        nonNegative("l2", l2);
        nonNegative("alpha", alpha);
        if (l1 > 0 && alpha == 0) {
            throw new IllegalArgumentException("alpha must be > 0 when l1 > 0 (the l1 term is singular at zero distance)");
        }
    }

    static void sameLength(String field, double[] values, int expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(field + " has " + values.length + " values but " + what + " has " + expected);
        }
    }
}
