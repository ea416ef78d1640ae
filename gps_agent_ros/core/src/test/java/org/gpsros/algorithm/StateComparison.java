package org.gpsros.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Deep, bit-exact comparison of checkpoint records (records, lists, arrays, boxed values, strings, enums). */
final class StateComparison {

    private StateComparison() {
    }

    static void assertBitIdentical(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                fail(path + ": " + expected + " vs " + actual);
            }
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), path + ": types differ");
        Class<?> type = expected.getClass();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    assertBitIdentical(component.getAccessor().invoke(expected), component.getAccessor().invoke(actual),
                            path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(path + "." + component.getName() + ": " + e, e);
                }
            }
        } else if (type.isArray()) {
            int length = Array.getLength(expected);
            assertEquals(length, Array.getLength(actual), path + ": lengths differ");
            if (type.getComponentType() == double.class) {
                double[] a = (double[]) expected;
                double[] b = (double[]) actual;
                for (int i = 0; i < length; i++) {
                    if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                        fail(path + "[" + i + "]: " + a[i] + " vs " + b[i]);
                    }
                }
            } else {
                for (int i = 0; i < length; i++) {
                    assertBitIdentical(Array.get(expected, i), Array.get(actual, i), path + "[" + i + "]");
                }
            }
        } else if (expected instanceof List<?> a) {
            List<?> b = (List<?>) actual;
            assertEquals(a.size(), b.size(), path + ": sizes differ");
            for (int i = 0; i < a.size(); i++) {
                assertBitIdentical(a.get(i), b.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Double a) {
            if (Double.doubleToLongBits(a) != Double.doubleToLongBits((Double) actual)) {
                fail(path + ": " + a + " vs " + actual);
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
