package org.gpsros.sim;

import java.util.List;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.box2d.ArmWorld;

/**
 * {@code box2d_arm}: the reference's box2d_arm_example (TASKS.md §2, reference study §5).
 *
 * <p>State = JOINT_ANGLES (2), JOINT_VELOCITIES (2), END_EFFECTOR_POINTS (centre of link 2, 0) (3):
 * stateDim 7; action = the two joint motor speeds. One condition, x0 = (0.75π, 0.5π, 0, 0, 0, 0, 0); the
 * state cost pulls JOINT_ANGLES toward (0, 0). A condition's x0 gives the joint angles; the arm starts at rest
 * as in the reference (joint velocities must be 0), and the end-effector entries are derived from the angles,
 * so they must be 0 (the reference's placeholder) or the forward kinematics within 1e-6. Success distance:
 * end effector to its position at the target joint angles, (0, 29, 0), at the last step.
 */
final class ArmTask extends AbstractSimTask {

    static final String NAME = "box2d_arm";
    private static final double[] TARGET_JOINT_ANGLES = {0.0, 0.0};
    private static final SensorLayout LAYOUT = new SensorLayout(
            List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS),
            List.of(2, 2, 3));
    private static final double END_EFFECTOR_TOLERANCE = 1e-6;

    private final double[] targetEndEffector;

    ArmTask(SimTaskOptions options) {
        super(NAME, options, LAYOUT, List.<double[]>of(new double[] {0.75 * Math.PI, 0.5 * Math.PI, 0, 0, 0, 0, 0}));
        double[] xy = ArmWorld.endEffectorPoint(TARGET_JOINT_ANGLES[0], TARGET_JOINT_ANGLES[1]);
        targetEndEffector = new double[] {xy[0], xy[1], 0.0};
        validateConditions();
    }

    @Override
    void doValidateInitialState(int condition, double[] x0) {
        for (int i = 2; i < 4; i++) {
            if (x0[i] != 0) {
                throw badValue(NAME, condition, i, "JOINT_VELOCITIES, the arm starts at rest so it must be 0", x0[i]);
            }
        }
        boolean placeholder = x0[4] == 0 && x0[5] == 0 && x0[6] == 0;
        if (!placeholder) {
            double[] xy = ArmWorld.endEffectorPoint(x0[0], x0[1]);
            double[] expected = {xy[0], xy[1], 0};
            for (int i = 0; i < 3; i++) {
                if (Math.abs(x0[4 + i] - expected[i]) > END_EFFECTOR_TOLERANCE) {
                    throw badValue(NAME, condition, 4 + i, "END_EFFECTOR_POINTS, derived from the joint angles: "
                            + "give 0 0 0 or the forward kinematics " + expected[0] + " " + expected[1] + " 0",
                            x0[4 + i]);
                }
            }
        }
    }

    @Override
    SimWorld doNewWorld(double[] x0) {
        ArmWorld world = new ArmWorld(x0[0], x0[1]);
        return new SimWorld() {
            @Override
            public void readState(double[] state) {
                state[0] = world.shoulderAngle();
                state[1] = world.elbowAngle();
                state[2] = world.shoulderSpeed();
                state[3] = world.elbowSpeed();
                state[4] = world.endEffectorX();
                state[5] = world.endEffectorY();
                state[6] = 0;
            }

            @Override
            public void step(double[] action) {
                world.setMotorSpeeds(action[0], action[1]);
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
        return SensorType.JOINT_ANGLES;
    }

    @Override
    public double[] target() {
        return TARGET_JOINT_ANGLES.clone();
    }

    @Override
    double[] targetEndEffectorPoint(int condition) {
        return targetEndEffector.clone();
    }
}
