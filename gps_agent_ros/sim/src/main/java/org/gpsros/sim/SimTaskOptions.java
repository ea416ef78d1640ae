package org.gpsros.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a caller may change about a named task. Immutable; the record copies the arrays it is given and
 * hands out copies.
 *
 * @param horizon time steps per sample (reference {@code T}), or {@link #TASK_HORIZON} (0) for the task's own: 100 in
 *     every Box2D and peg task, 50 for {@code visual_reacher}
 * @param initialStates one packed initial state x0 per condition, in the task's state layout and with the
 *     reference's conventions (see each task); empty for the task's own conditions
 * @param imageSize the camera's square frame size in pixels for tasks with a camera ({@code visual_reacher},
 *     {@code visual_peg}), {@value #MIN_IMAGE_SIZE}..{@value #MAX_IMAGE_SIZE}; default {@value #DEFAULT_IMAGE_SIZE}
 * @param distractor {@code visual_peg}: an extra object in the camera's view that the policy must ignore (the paper's
 *     Figure 9 test); false by default, ignored by the other tasks
 */
public record SimTaskOptions(int horizon, List<double[]> initialStates, int imageSize, boolean distractor) {

    /** The reference examples' horizon, the default of every task but {@code visual_reacher}. */
    public static final int DEFAULT_HORIZON = 100;
    /** {@link #horizon()} value meaning "the task's own horizon". */
    public static final int TASK_HORIZON = 0;
    public static final int DEFAULT_IMAGE_SIZE = 64;
    public static final int MIN_IMAGE_SIZE = 16;
    public static final int MAX_IMAGE_SIZE = 240;

    public SimTaskOptions {
        if (horizon != TASK_HORIZON && horizon < 2) {
            throw new IllegalArgumentException("horizon must be at least 2 time steps (or 0 for the task's own), got "
                    + horizon);
        }
        if (initialStates == null) {
            throw new IllegalArgumentException("initialStates must not be null (use an empty list for the task's own)");
        }
        if (imageSize < MIN_IMAGE_SIZE || imageSize > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("image_size must be within " + MIN_IMAGE_SIZE + ".." + MAX_IMAGE_SIZE
                    + " pixels, got " + imageSize);
        }
        List<double[]> copies = new ArrayList<>(initialStates.size());
        for (int i = 0; i < initialStates.size(); i++) {
            double[] x0 = initialStates.get(i);
            if (x0 == null) {
                throw new IllegalArgumentException("initialStates[" + i + "] is null");
            }
            for (int j = 0; j < x0.length; j++) {
                if (!Double.isFinite(x0[j])) {
                    throw new IllegalArgumentException("initialStates[" + i + "][" + j + "] is " + x0[j]);
                }
            }
            copies.add(x0.clone());
        }
        initialStates = List.copyOf(copies);
    }

    /** A horizon and initial states, the other options at their defaults. */
    public SimTaskOptions(int horizon, List<double[]> initialStates) {
        this(horizon, initialStates, DEFAULT_IMAGE_SIZE, false);
    }

    /** The task's own horizon and conditions, 64×64 camera frames, no distractor. */
    public static SimTaskOptions defaults() {
        return new SimTaskOptions(TASK_HORIZON, List.of());
    }

    /**
     * The defaults changed by a config's task options: keys {@code horizon} (integer), {@code image_size} (integer),
     * {@code distractor} (boolean).
     *
     * @throws IllegalArgumentException naming the key for an unknown key, a value of the wrong type or out of range
     */
    public static SimTaskOptions fromMap(Map<String, ?> options) {
        SimTaskOptions result = defaults();
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "horizon" -> result = result.withHorizon(integer("horizon", value));
                case "image_size" -> result = result.withImageSize(integer("image_size", value));
                case "distractor" -> {
                    if (!(value instanceof Boolean flag)) {
                        throw new IllegalArgumentException("distractor must be true or false, got " + value);
                    }
                    result = result.withDistractor(flag);
                }
                default -> throw new IllegalArgumentException("unknown task option '" + entry.getKey()
                        + "'; known: horizon, image_size, distractor");
            }
        }
        return result;
    }

    private static int integer(String key, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        throw new IllegalArgumentException(key + " must be an integer, got " + value);
    }

    /** {@link #horizon()}, or {@code taskDefault} where it is {@link #TASK_HORIZON}. */
    public int horizonOr(int taskDefault) {
        return horizon == TASK_HORIZON ? taskDefault : horizon;
    }

    /** Copies of the per-condition initial states. */
    @Override
    public List<double[]> initialStates() {
        List<double[]> copies = new ArrayList<>(initialStates.size());
        for (double[] x0 : initialStates) {
            copies.add(x0.clone());
        }
        return copies;
    }

    public SimTaskOptions withHorizon(int newHorizon) {
        return new SimTaskOptions(newHorizon, initialStates, imageSize, distractor);
    }

    public SimTaskOptions withInitialStates(List<double[]> newInitialStates) {
        return new SimTaskOptions(horizon, newInitialStates, imageSize, distractor);
    }

    public SimTaskOptions withImageSize(int newImageSize) {
        return new SimTaskOptions(horizon, initialStates, newImageSize, distractor);
    }

    public SimTaskOptions withDistractor(boolean withDistractor) {
        return new SimTaskOptions(horizon, initialStates, imageSize, withDistractor);
    }
}
