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

    /**
     * Copies a planar block {@code source[from + c·area + p]} (c < channels, p < area) to the interleaved elements
     * {@code offset + p·channels + c} (NCHW image → NHWC).
     */
    void putTransposed(int offset, double[] source, int from, int channels, int area) {
        for (int c = 0; c < channels; c++) {
            int planeStart = from + c * area;
            if (doubles != null) {
                for (int p = 0; p < area; p++) {
                    doubles.put(offset + p * channels + c, source[planeStart + p]);
                }
            } else {
                for (int p = 0; p < area; p++) {
                    floats.put(offset + p * channels + c, (float) source[planeStart + p]);
                }
            }
        }
    }

    /**
     * The inverse of {@link #putTransposed} with a ReLU: {@code target[to + c·area + p] = max(0, element(offset +
     * p·channels + c))} (NHWC → NCHW; {@code channels} 1 copies {@code area} elements as they are).
     */
    void getRectified(int offset, double[] target, int to, int channels, int area) {
        for (int p = 0; p < area; p++) {
            int pixel = offset + p * channels;
            if (doubles != null) {
                for (int c = 0; c < channels; c++) {
                    target[to + c * area + p] = Math.max(0.0, doubles.get(pixel + c));
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    target[to + c * area + p] = Math.max(0.0f, floats.get(pixel + c));
                }
            }
        }
    }

    /**
     * {@link #putTransposed} through a ReLU's derivative: element {@code offset + p·channels + c} = {@code source[from
     * + c·area + p]} where the same element of {@code mask} (the ReLU's input) is positive, else 0.
     */
    void putMasked(int offset, double[] source, int from, int channels, int area, HostView mask) {
        for (int c = 0; c < channels; c++) {
            int planeStart = from + c * area;
            for (int p = 0; p < area; p++) {
                int index = offset + p * channels + c;
                double value = mask.get(index) > 0 ? source[planeStart + p] : 0.0;
                if (doubles != null) {
                    doubles.put(index, value);
                } else {
                    floats.put(index, (float) value);
                }
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
