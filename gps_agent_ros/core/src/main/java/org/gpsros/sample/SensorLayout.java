package org.gpsros.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The order and sizes of the sensors packed into a state (or observation) vector, as the reference's
 * {@code state_include} / {@code obs_include} with {@code sensor_dims}. Immutable.
 *
 * @param sensors the sensors in packing order
 * @param dims the size of each sensor's per-step vector, same order
 */
public record SensorLayout(List<SensorType> sensors, List<Integer> dims) {

    public SensorLayout {
        sensors = List.copyOf(sensors);
        dims = List.copyOf(dims);
        if (sensors.size() != dims.size()) {
            throw new IllegalArgumentException("sensors and dims differ in length: " + sensors + " vs " + dims);
        }
        if (sensors.stream().distinct().count() != sensors.size()) {
            throw new IllegalArgumentException("a sensor appears twice in " + sensors);
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("sensor dimensions must be positive: " + dims);
            }
        }
    }

    /** Builds a layout from alternating (sensor, dim) pairs in order. */
    public static SensorLayout of(Map<SensorType, Integer> orderedDims) {
        return new SensorLayout(new ArrayList<>(orderedDims.keySet()), new ArrayList<>(orderedDims.values()));
    }

    /** Total length of the packed vector. */
    public int dimension() {
        int total = 0;
        for (int d : dims) {
            total += d;
        }
        return total;
    }

    public boolean contains(SensorType sensor) {
        return sensors.contains(sensor);
    }

    /** Offset of {@code sensor}'s slice in the packed vector. */
    public int offsetOf(SensorType sensor) {
        int offset = 0;
        for (int i = 0; i < sensors.size(); i++) {
            if (sensors.get(i) == sensor) {
                return offset;
            }
            offset += dims.get(i);
        }
        throw new IllegalArgumentException(sensor + " is not part of this layout " + sensors);
    }

    public int dimensionOf(SensorType sensor) {
        int index = sensors.indexOf(sensor);
        if (index < 0) {
            throw new IllegalArgumentException(sensor + " is not part of this layout " + sensors);
        }
        return dims.get(index);
    }

    /** Offsets of every sensor, in order. */
    public Map<SensorType, Integer> offsets() {
        Map<SensorType, Integer> offsets = new EnumMap<>(SensorType.class);
        int offset = 0;
        for (int i = 0; i < sensors.size(); i++) {
            offsets.put(sensors.get(i), offset);
            offset += dims.get(i);
        }
        return offsets;
    }
}
