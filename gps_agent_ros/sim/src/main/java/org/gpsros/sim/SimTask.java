package org.gpsros.sim;

import java.util.List;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * A named simulated task: its time base, sensor layouts, action size, conditions, cost target and success
 * distance, and a factory of fresh worlds. Immutable and thread-safe; the worlds it creates are not.
 */
public interface SimTask {

    /** The registry name, e.g. {@code box2d_arm}. */
    String name();

    /** Time steps per sample (reference {@code T}). */
    int horizon();

    /** Control period in seconds (reference {@code dt}; one physics step per control step). */
    double timeStep();

    int actionDim();

    /** How sensors pack into the state x (reference {@code state_include}). */
    SensorLayout stateLayout();

    /**
     * How sensors pack into the policy observation. Every one of its sensors is in the state or in
     * {@link #extraSensorLayout()} with the same size, except RGB_IMAGE, which comes last and is rendered by the world's
     * camera ({@link SimWorld#renderCamera}).
     */
    SensorLayout observationLayout();

    int conditionCount();

    /**
     * Sensors recorded in every sample beside the state but not part of it, such as the END_EFFECTOR_POINT_JACOBIANS
     * that the forward-kinematics cost needs (the reference's MuJoCo agent stores them the same way). Empty by
     * default.
     */
    default SensorLayout extraSensorLayout() {
        return new SensorLayout(List.of(), List.of());
    }

    /**
     * The packed state the world reports right after {@link #newWorld} for {@code condition}: the condition's
     * x0 as the physics holds it (float rounding; derived entries such as the arm's end-effector point
     * filled in). The first state of every sample of that condition equals it bit for bit. A fresh array.
     */
    double[] initialState(int condition);

    /** The sensor the task's state cost pulls toward {@link #target()}. */
    SensorType targetSensor();

    /** The target value of {@link #targetSensor()} (reference {@code target_state}). A fresh array. */
    double[] target();

    /** A fresh world at {@code condition}'s initial state, for one rollout; close it when done. */
    SimWorld newWorld(int condition);

    /**
     * The success distance at the last time step of {@code sample}: end effector to its target position.
     *
     * @throws IllegalArgumentException if the sample does not have this task's horizon and state layout
     */
    double finalDistance(Sample sample, int condition);

    /** The {@link #finalDistance} below which a sample counts as a success, or NaN where the task defines none. */
    default double successDistance() {
        return Double.NaN;
    }
}
