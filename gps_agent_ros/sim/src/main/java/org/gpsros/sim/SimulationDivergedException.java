package org.gpsros.sim;

/**
 * A simulated rollout produced a non-finite or exploding state (or the policy produced a non-finite
 * action), so no sample could be recorded. Names the task, condition and time step where it happened.
 */
public final class SimulationDivergedException extends RuntimeException {

    private final String taskName;
    private final int condition;
    private final int step;

    public SimulationDivergedException(String taskName, int condition, int step, String detail) {
        super("simulation of task " + taskName + ", condition " + condition + " diverged at step " + step + ": "
                + detail);
        this.taskName = taskName;
        this.condition = condition;
        this.step = step;
    }

    public String taskName() {
        return taskName;
    }

    public int condition() {
        return condition;
    }

    /** The time step whose state (or action) was bad. */
    public int step() {
        return step;
    }
}
