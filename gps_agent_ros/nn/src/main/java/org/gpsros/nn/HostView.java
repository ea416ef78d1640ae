package org.gpsros.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a dense, C-ordered float32 or float64 ND4J array through an NIO view of its native memory: no
 * JNI call and no copy per element.
 */
final class HostView {
    private final DoubleBuffer doubles;
    private final FloatBuffer floats;
    private final int length;

    private HostView(DoubleBuffer doubles, FloatBuffer floats, int length) {
        this.doubles = doubles;
        this.floats = floats;
        this.length = length;
    }

    /** A view of {@code array}, which must be C-ordered and not a view (copy it with {@link #dense} first). */
    static HostView of(INDArray array) {
        if (array.isView() || array.ordering() != 'c' || array.length() > Integer.MAX_VALUE) {
            throw new IllegalStateException("HostView needs a dense C-ordered array, got " + array.shapeInfoToString());
        }
        int length = (int) array.length();
        if (array.dataType() == DataType.DOUBLE) {
            return new HostView(array.data().asNioDouble(), null, length);
        }
        if (array.dataType() == DataType.FLOAT) {
            return new HostView(null, array.data().asNioFloat(), length);
        }
        throw new IllegalStateException("HostView supports FLOAT and DOUBLE, got " + array.dataType());
    }

    /** {@code array} itself when it is dense and C-ordered, else a dense C-ordered copy. */
    static INDArray dense(INDArray array) {
        return array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    }

    int length() {
        return length;
    }

    void put(int index, double value) {
        if (doubles != null) {
            doubles.put(index, value);
        } else {
            floats.put(index, (float) value);
        }
    }

    double get(int index) {
        return doubles != null ? doubles.get(index) : floats.get(index);
    }

    /** Copies {@code count} values from {@code source[from..]} to elements {@code offset..}. */
    void put(int offset, double[] source, int from, int count) {
        if (doubles != null) {
            doubles.put(offset, source, from, count);
        } else {
            for (int i = 0; i < count; i++) {
                floats.put(offset + i, (float) source[from + i]);
            }
        }
    }

    /** Copies elements {@code offset..offset+count} to {@code target[to..]}. */
    void get(int offset, double[] target, int to, int count) {
        if (doubles != null) {
            doubles.get(offset, target, to, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[to + i] = floats.get(offset + i);
            }
        }
    }
}
