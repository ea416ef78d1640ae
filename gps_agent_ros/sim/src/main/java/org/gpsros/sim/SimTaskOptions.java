package org.gpsros.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller may change about a named task. Immutable; the record copies the arrays it is given and
 * hands out copies.
 *
 * @param horizon time steps per sample (reference {@code T}; 100 in every Box2D example)
 * @param initialStates one packed initial state x0 per condition, in the task's state layout and with the
 *     reference's conventions (see each task); empty for the task's own conditions
 */
public record SimTaskOptions(int horizon, List<double[]> initialStates) {

    /** The reference examples' horizon. */
    public static final int DEFAULT_HORIZON = 100;

    public SimTaskOptions {
        if (horizon < 2) {
            throw new IllegalArgumentException("horizon must be at least 2 time steps, got " + horizon);
        }
        if (initialStates == null) {
            throw new IllegalArgumentException("initialStates must not be null (use an empty list for the task's own)");
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

    /** Horizon 100 and the task's own conditions. */
    public static SimTaskOptions defaults() {
        return new SimTaskOptions(DEFAULT_HORIZON, List.of());
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
        return new SimTaskOptions(newHorizon, initialStates);
    }

    public SimTaskOptions withInitialStates(List<double[]> newInitialStates) {
        return new SimTaskOptions(horizon, newInitialStates);
    }
}
