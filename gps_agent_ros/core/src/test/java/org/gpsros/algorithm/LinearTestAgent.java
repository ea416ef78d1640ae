package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gpsros.agent.Agent;
import org.gpsros.cost.Cost;
import org.gpsros.cost.CostDerivatives;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SampleList;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * A planar point mass for algorithm tests: x = [p (2), v (2)], x_{t+1} = A x_t + B u_t + w_t with
 * p' = p + dt·v, v' = damping·v + dt·u and small Gaussian process noise w; the observation is the state; the cost is
 * ½ Σ_i stateWeight_i (x_i − target_i)² + ½ actionWeight ‖u‖². Conditions differ in their initial position.
 * Process noise is seeded from the action noise, so a rollout is a function of (policy, condition, noise).
 */
final class LinearTestAgent implements Agent {
    static final int STATE_DIM = 4;
    static final int ACTION_DIM = 2;
    static final double DT = 0.1;
    static final double DAMPING = 0.95;
    static final double PROCESS_NOISE = 0.002;
    static final double[] TARGET = {1.0, -0.5, 0.0, 0.0};
    static final double[] STATE_WEIGHTS = {1.0, 1.0, 0.1, 0.1};
    static final double ACTION_WEIGHT = 0.01;
    private static final SensorLayout LAYOUT = new SensorLayout(
            List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES), List.of(2, 2));

    private final int horizon;
    private final double[][] initialPositions;

    LinearTestAgent(int horizon, double[][] initialPositions) {
        this.horizon = horizon;
        this.initialPositions = initialPositions;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double timeStep() {
        return DT;
    }

    @Override
    public int actionDim() {
        return ACTION_DIM;
    }

    @Override
    public SensorLayout stateLayout() {
        return LAYOUT;
    }

    @Override
    public SensorLayout observationLayout() {
        return LAYOUT;
    }

    @Override
    public int conditionCount() {
        return initialPositions.length;
    }

    @Override
    public double[] initialState(int condition) {
        return new double[] {initialPositions[condition][0], initialPositions[condition][1], 0, 0};
    }

    @Override
    public Sample sample(Policy policy, int condition, double[][] noise) {
        long seed = condition;
        for (double[] row : noise) {
            for (double e : row) {
                seed = SplitMix64.derive(seed, Double.doubleToLongBits(e));
            }
        }
        SplitMix64 processNoise = new SplitMix64(seed);
        double[][] positions = new double[horizon][];
        double[][] velocities = new double[horizon][];
        double[][] actions = new double[horizon][ACTION_DIM];
        double[] x = initialState(condition);
        for (int t = 0; t < horizon; t++) {
            positions[t] = new double[] {x[0], x[1]};
            velocities[t] = new double[] {x[2], x[3]};
            policy.act(t, x.clone(), x.clone(), noise[t], actions[t]);
            double[] next = new double[STATE_DIM];
            for (int i = 0; i < 2; i++) {
                next[i] = x[i] + DT * x[2 + i] + PROCESS_NOISE * processNoise.nextNormal();
                next[2 + i] = DAMPING * x[2 + i] + DT * actions[t][i] + PROCESS_NOISE * processNoise.nextNormal();
            }
            x = next;
        }
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        data.put(SensorType.JOINT_ANGLES, positions);
        data.put(SensorType.JOINT_VELOCITIES, velocities);
        return new Sample(LAYOUT, LAYOUT, data, actions, noise);
    }

    @Override
    public double finalDistance(Sample sample, int condition) {
        double[] p = sample.sensor(SensorType.JOINT_ANGLES)[horizon - 1];
        return Math.hypot(p[0] - TARGET[0], p[1] - TARGET[1]);
    }

    /** The quadratic cost to {@link #TARGET}. */
    static Cost cost() {
        return sample -> {
            int horizon = sample.horizon();
            CostDerivatives d = CostDerivatives.zeros(horizon, STATE_DIM, ACTION_DIM);
            for (int t = 0; t < horizon; t++) {
                double[] x = sample.state(t);
                double[] u = sample.actions()[t];
                double value = 0;
                for (int i = 0; i < STATE_DIM; i++) {
                    double diff = x[i] - TARGET[i];
                    value += 0.5 * STATE_WEIGHTS[i] * diff * diff;
                    d.stateGradient()[t][i] = STATE_WEIGHTS[i] * diff;
                    d.stateHessian()[t][i * STATE_DIM + i] = STATE_WEIGHTS[i];
                }
                for (int a = 0; a < ACTION_DIM; a++) {
                    value += 0.5 * ACTION_WEIGHT * u[a] * u[a];
                    d.actionGradient()[t][a] = ACTION_WEIGHT * u[a];
                    d.actionHessian()[t][a * ACTION_DIM + a] = ACTION_WEIGHT;
                }
                d.value()[t] = value;
            }
            return d;
        };
    }

    /** Samples every condition with the algorithm's sampling policy; noise derives from (seed, iteration, m, i). */
    List<SampleList> sampleAll(GpsAlgorithm algorithm, int samplesPerCondition, long seed) {
        List<SampleList> lists = new ArrayList<>();
        for (int m = 0; m < conditionCount(); m++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < samplesPerCondition; i++) {
                SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 1, algorithm.iteration(), m, i));
                double[][] noise = new double[horizon][ACTION_DIM];
                for (double[] row : noise) {
                    random.fillNormal(row);
                }
                samples.add(sample(algorithm.samplingPolicy(m), m, noise));
            }
            lists.add(new SampleList(samples));
        }
        return lists;
    }

    /** Mean over conditions of a policy's noiseless total cost. */
    double noiselessCost(java.util.function.IntFunction<Policy> policies) {
        Cost cost = cost();
        double sum = 0;
        for (int m = 0; m < conditionCount(); m++) {
            sum += cost.evaluate(sample(policies.apply(m), m, new double[horizon][ACTION_DIM])).total();
        }
        return sum / conditionCount();
    }
}
