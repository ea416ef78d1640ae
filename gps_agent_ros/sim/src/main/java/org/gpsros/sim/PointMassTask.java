package org.gpsros.sim;

import java.util.List;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.box2d.PointMassWorld;

/**
 * {@code box2d_pointmass}: the reference's box2d_pointmass_example (TASKS.md §1, reference study §5).
 *
 * <p>State = END_EFFECTOR_POINTS (x, y, 0) then END_EFFECTOR_POINT_VELOCITIES (vx, vy, 0): stateDim 6;
 * action = the body's velocity (vx, vy). One condition, x0 = (0, 5, 0, 0, 0, 0); target (5, 20, 0). A
 * condition's x0 gives the position at indices 0–1 and the initial velocity at 3–4 (the reference read the
 * velocity from indices 2–3, a slip that never mattered because its x0 was at rest); the z entries must be 0
 * and the position must lie inside the walls. Success distance: end effector to the target at the last step.
 */
final class PointMassTask extends AbstractSimTask {

    static final String NAME = "box2d_pointmass";
    private static final double[] TARGET = {5.0, 20.0, 0.0};
    private static final SensorLayout LAYOUT = new SensorLayout(
            List.of(SensorType.END_EFFECTOR_POINTS, SensorType.END_EFFECTOR_POINT_VELOCITIES), List.of(3, 3));

    PointMassTask(SimTaskOptions options) {
        super(NAME, options, LAYOUT, List.<double[]>of(new double[] {0, 5, 0, 0, 0, 0}));
        validateConditions();
    }

    @Override
    void doValidateInitialState(int condition, double[] x0) {
        if (x0[2] != 0) {
            throw badValue(NAME, condition, 2, "END_EFFECTOR_POINTS z, must be 0 in the plane", x0[2]);
        }
        if (x0[5] != 0) {
            throw badValue(NAME, condition, 5, "END_EFFECTOR_POINT_VELOCITIES z, must be 0 in the plane", x0[5]);
        }
        if (!(x0[0] > -20 && x0[0] < 20)) {
            throw badValue(NAME, condition, 0, "x, must lie inside the walls (-20, 20)", x0[0]);
        }
        if (!(x0[1] > 0 && x0[1] < 40)) {
            throw badValue(NAME, condition, 1, "y, must lie inside the walls (0, 40)", x0[1]);
        }
    }

    @Override
    SimWorld doNewWorld(double[] x0) {
        PointMassWorld world = new PointMassWorld(x0[0], x0[1], x0[3], x0[4]);
        return new SimWorld() {
            @Override
            public void readState(double[] state) {
                state[0] = world.x();
                state[1] = world.y();
                state[2] = 0;
                state[3] = world.vx();
                state[4] = world.vy();
                state[5] = 0;
            }

            @Override
            public void step(double[] action) {
                world.setVelocity(action[0], action[1]);
                world.step();
            }
        };
    }

    @Override
    public int actionDim() {
        return 2;
    }

    @Override
    public SensorType targetSensor() {
        return SensorType.END_EFFECTOR_POINTS;
    }

    @Override
    public double[] target() {
        return TARGET.clone();
    }

    @Override
    double[] targetEndEffectorPoint(int condition) {
        return TARGET.clone();
    }
}
