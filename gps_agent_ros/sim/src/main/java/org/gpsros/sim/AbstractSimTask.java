package org.gpsros.sim;

import java.util.List;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * What the embedded tasks share: the horizon and conditions from {@link SimTaskOptions}, checked indices,
 * and the success distance from the END_EFFECTOR_POINTS at the last step. Public methods validate, then call
 * the {@code do*} hooks. Observation = state for these tasks.
 */
abstract class AbstractSimTask implements SimTask {

    private final String name;
    private final int horizon;
    private final SensorLayout stateLayout;
    private final double[][] conditionStates;

    /**
     * @param defaultInitialStates the reference example's conditions, used when the options give none
     */
    AbstractSimTask(String name, SimTaskOptions options, SensorLayout stateLayout,
                    List<double[]> defaultInitialStates) {
        this.name = name;
        this.horizon = options.horizonOr(SimTaskOptions.DEFAULT_HORIZON);
        this.stateLayout = stateLayout;
        List<double[]> x0s = options.initialStates().isEmpty() ? defaultInitialStates : options.initialStates();
        conditionStates = new double[x0s.size()][];
        for (int c = 0; c < x0s.size(); c++) {
            double[] x0 = x0s.get(c).clone();
            if (x0.length != stateLayout.dimension()) {
                throw new IllegalArgumentException(name + ": initialStates[" + c + "] has " + x0.length
                        + " values, the state " + describe(stateLayout) + " has " + stateLayout.dimension());
            }
            conditionStates[c] = x0;
        }
    }

    /** Checks a condition's x0 against the task's conventions; called once per condition by the subclass. */
    final void validateConditions() {
        for (int c = 0; c < conditionStates.length; c++) {
            doValidateInitialState(c, conditionStates[c].clone());
        }
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code initialStates[condition][index]} if {@code x0}
     * breaks the task's conventions.
     */
    abstract void doValidateInitialState(int condition, double[] x0);

    /** A fresh world at {@code x0} (already validated). */
    abstract SimWorld doNewWorld(double[] x0);

    /** The end-effector position that counts as success, 3 values. */
    abstract double[] targetEndEffectorPoint(int condition);

    static String describe(SensorLayout layout) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < layout.sensors().size(); i++) {
            text.append(i == 0 ? "" : ", ").append(layout.sensors().get(i)).append(' ').append(layout.dims().get(i));
        }
        return text.append(')').toString();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int horizon() {
        return horizon;
    }

    @Override
    public final double timeStep() {
        return 0.05;
    }

    @Override
    public final SensorLayout stateLayout() {
        return stateLayout;
    }

    @Override
    public final SensorLayout observationLayout() {
        return stateLayout;
    }

    @Override
    public final int conditionCount() {
        return conditionStates.length;
    }

    @Override
    public final double[] initialState(int condition) {
        double[] state = new double[stateLayout.dimension()];
        try (SimWorld world = newWorld(condition)) {
            world.readState(state);
        }
        return state;
    }

    @Override
    public final SimWorld newWorld(int condition) {
        checkCondition(condition);
        return doNewWorld(conditionStates[condition].clone());
    }

    @Override
    public final double finalDistance(Sample sample, int condition) {
        checkCondition(condition);
        if (sample.horizon() != horizon || !sample.stateLayout().equals(stateLayout)) {
            throw new IllegalArgumentException("the sample (horizon " + sample.horizon() + ", state "
                    + describe(sample.stateLayout()) + ") is not from task " + name + " (horizon " + horizon
                    + ", state " + describe(stateLayout) + ")");
        }
        double[] point = sample.sensor(SensorType.END_EFFECTOR_POINTS)[horizon - 1];
        double[] goal = targetEndEffectorPoint(condition);
        double sum = 0;
        for (int i = 0; i < goal.length; i++) {
            double d = point[i] - goal[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    final void checkCondition(int condition) {
        if (condition < 0 || condition >= conditionStates.length) {
            throw new IndexOutOfBoundsException("task " + name + " has conditions 0.." + (conditionStates.length - 1)
                    + ", got " + condition);
        }
    }

    static IllegalArgumentException badValue(String task, int condition, int index, String what, double value) {
        return new IllegalArgumentException(task + ": initialStates[" + condition + "][" + index + "] (" + what
                + ") is " + value);
    }
}
