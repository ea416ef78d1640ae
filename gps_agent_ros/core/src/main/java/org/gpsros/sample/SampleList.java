package org.gpsros.sample;

import java.util.List;

/**
 * The samples of one condition in one iteration, with the stacked views the learner fits on.
 *
 * @param samples at least one sample, all with the same horizon and layouts
 */
public record SampleList(List<Sample> samples) {

    public SampleList {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a sample list needs at least one sample");
        }
        Sample first = samples.get(0);
        for (Sample s : samples) {
            if (s.horizon() != first.horizon() || !s.stateLayout().equals(first.stateLayout())
                    || s.actionDim() != first.actionDim()) {
                throw new IllegalArgumentException("samples in one list must share horizon, state layout and action size");
            }
        }
    }

    public int size() {
        return samples.size();
    }

    public Sample get(int i) {
        return samples.get(i);
    }

    public int horizon() {
        return samples.get(0).horizon();
    }

    /** States, {@code N × horizon × stateDim}. */
    public double[][][] states() {
        double[][][] x = new double[samples.size()][][];
        for (int n = 0; n < x.length; n++) {
            x[n] = samples.get(n).states();
        }
        return x;
    }

    /** Actions, {@code N × horizon × actionDim} (the samples' own arrays: do not modify). */
    public double[][][] actions() {
        double[][][] u = new double[samples.size()][][];
        for (int n = 0; n < u.length; n++) {
            u[n] = samples.get(n).actions();
        }
        return u;
    }

    /** Observations, {@code N × horizon × observationDim}. */
    public double[][][] observations() {
        double[][][] o = new double[samples.size()][][];
        for (int n = 0; n < o.length; n++) {
            o[n] = samples.get(n).observations();
        }
        return o;
    }

    /** Recorded noise, {@code N × horizon × actionDim} (the samples' own arrays: do not modify). */
    public double[][][] noise() {
        double[][][] e = new double[samples.size()][][];
        for (int n = 0; n < e.length; n++) {
            e[n] = samples.get(n).noise();
        }
        return e;
    }
}
