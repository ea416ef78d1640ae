package org.gpsros.app.config;

import java.util.List;

/** Validation helpers for the config records' compact constructors; each failure names the key. */
final class Checks {
    private Checks() {
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static <T> T required(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": missing (required)");
        }
        return value;
    }

    static double positive(double value, String key) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": must be a positive number, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String key) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": must be a number >= 0, got " + value);
        }
        return value;
    }

    static int atLeast(int value, int minimum, String key) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + ": must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    static double[] finite(double[] values, String key) {
        if (values == null) {
            return null;
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(key + ": values must be finite numbers, got " + v);
            }
        }
        return values.clone();
    }

    static String oneOf(String value, String key, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(key + ": expected one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }
}
