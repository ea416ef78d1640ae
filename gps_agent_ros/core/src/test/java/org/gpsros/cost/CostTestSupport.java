package org.gpsros.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/** Sample builders and a central finite-difference checker for cost tests. */
final class CostTestSupport {
    /** Central-difference step. */
    static final double STEP = 1e-5;
    /** Allowed |finite difference − analytic| relative to 1 + |analytic|. */
    static final double TOLERANCE = 1e-6;

    private CostTestSupport() {
    }

    /** A cost evaluated with coordinate {@code index} (of the state, or of the action) shifted by {@code delta} at every step. */
    interface Perturbation {
        CostDerivatives evaluate(int index, double delta);
    }

    static Sample sample(SensorLayout stateLayout, Map<SensorType, double[][]> data, double[][] actions) {
        double[][] noise = new double[actions.length][actions[0].length];
        return new Sample(stateLayout, stateLayout, data, actions, noise);
    }

    static SensorLayout layout(Object... sensorsAndDims) {
        List<SensorType> sensors = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < sensorsAndDims.length; i += 2) {
            sensors.add((SensorType) sensorsAndDims[i]);
            dims.add((Integer) sensorsAndDims[i + 1]);
        }
        return new SensorLayout(sensors, dims);
    }

    static double[][] normals(SplitMix64 rng, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * rng.nextNormal();
            }
        }
        return a;
    }

    static double[] uniforms(SplitMix64 rng, int n, double low, double high) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = low + (high - low) * rng.nextUniform();
        }
        return a;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The sample with packed-state coordinate {@code index} shifted by {@code delta} at every step. */
    static Sample shiftState(Sample base, int index, double delta) {
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        for (Map.Entry<SensorType, double[][]> e : base.sensorData().entrySet()) {
            data.put(e.getKey(), copy(e.getValue()));
        }
        SensorLayout layout = base.stateLayout();
        for (SensorType sensor : layout.sensors()) {
            int offset = layout.offsetOf(sensor);
            int dim = layout.dimensionOf(sensor);
            if (index >= offset && index < offset + dim) {
                for (double[] row : data.get(sensor)) {
                    row[index - offset] += delta;
                }
            }
        }
        return new Sample(layout, base.observationLayout(), data, base.actions(), base.noise());
    }

    /** The sample with action coordinate {@code index} shifted by {@code delta} at every step. */
    static Sample shiftAction(Sample base, int index, double delta) {
        double[][] actions = copy(base.actions());
        for (double[] row : actions) {
            row[index] += delta;
        }
        return new Sample(base.stateLayout(), base.observationLayout(), base.sensorData(), actions, base.noise());
    }

    /**
     * Checks l_x, l_xx, l_ux (state perturbations) and l_u, l_uu, l_ux (action perturbations) against central
     * differences of the value and of the analytic gradients. Each l_t depends only on (x_t, u_t), so shifting a
     * coordinate at every step at once differentiates every step.
     *
     * @param stateCoordinates state coordinates to check by differences; the others must have zero derivatives
     */
    static void checkAgainstFiniteDifferences(CostDerivatives analytic, Perturbation state, Perturbation action,
                                              boolean[] stateCoordinates) {
        int horizon = analytic.horizon();
        int dx = analytic.stateDim();
        int du = analytic.actionDim();
        for (int k = 0; k < dx; k++) {
            if (!stateCoordinates[k]) {
                for (int t = 0; t < horizon; t++) {
                    assertEquals(0.0, analytic.stateGradient()[t][k], "l_x[t=" + t + "][" + k + "] must be zero");
                    for (int j = 0; j < dx; j++) {
                        assertEquals(0.0, analytic.stateHessian()[t][k * dx + j], "l_xx row " + k + " must be zero");
                        assertEquals(0.0, analytic.stateHessian()[t][j * dx + k], "l_xx column " + k + " must be zero");
                    }
                }
                continue;
            }
            CostDerivatives plus = state.evaluate(k, STEP);
            CostDerivatives minus = state.evaluate(k, -STEP);
            for (int t = 0; t < horizon; t++) {
                near(difference(plus.value()[t], minus.value()[t]), analytic.stateGradient()[t][k], "l_x", t, k);
                for (int j = 0; j < dx; j++) {
                    near(difference(plus.stateGradient()[t][j], minus.stateGradient()[t][j]),
                            analytic.stateHessian()[t][j * dx + k], "l_xx[" + j + "]", t, k);
                }
                for (int j = 0; j < du; j++) {
                    near(difference(plus.actionGradient()[t][j], minus.actionGradient()[t][j]),
                            analytic.actionStateHessian()[t][j * dx + k], "l_ux[" + j + "]", t, k);
                }
            }
        }
        for (int k = 0; k < du; k++) {
            CostDerivatives plus = action.evaluate(k, STEP);
            CostDerivatives minus = action.evaluate(k, -STEP);
            for (int t = 0; t < horizon; t++) {
                near(difference(plus.value()[t], minus.value()[t]), analytic.actionGradient()[t][k], "l_u", t, k);
                for (int j = 0; j < du; j++) {
                    near(difference(plus.actionGradient()[t][j], minus.actionGradient()[t][j]),
                            analytic.actionHessian()[t][j * du + k], "l_uu[" + j + "]", t, k);
                }
                for (int j = 0; j < dx; j++) {
                    near(difference(plus.stateGradient()[t][j], minus.stateGradient()[t][j]),
                            analytic.actionStateHessian()[t][k * dx + j], "l_xu[" + j + "]", t, k);
                }
            }
        }
        assertSymmetric(analytic);
    }

    static void assertSymmetric(CostDerivatives d) {
        int dx = d.stateDim();
        int du = d.actionDim();
        for (int t = 0; t < d.horizon(); t++) {
            for (int i = 0; i < dx; i++) {
                for (int j = 0; j < dx; j++) {
                    assertEquals(d.stateHessian()[t][i * dx + j], d.stateHessian()[t][j * dx + i],
                            1e-12 * (1 + Math.abs(d.stateHessian()[t][i * dx + j])), "l_xx symmetric");
                }
            }
            for (int i = 0; i < du; i++) {
                for (int j = 0; j < du; j++) {
                    assertEquals(d.actionHessian()[t][i * du + j], d.actionHessian()[t][j * du + i], 0.0, "l_uu symmetric");
                }
            }
        }
    }

    private static double difference(double plus, double minus) {
        return (plus - minus) / (2 * STEP);
    }

    private static void near(double finiteDifference, double analytic, String what, int t, int k) {
        double error = Math.abs(finiteDifference - analytic);
        assertTrue(error <= TOLERANCE * (1 + Math.abs(analytic)), what + " at t=" + t + ", coordinate " + k
                + ": analytic " + analytic + ", finite difference " + finiteDifference);
    }

    static void assertArrayNear(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
