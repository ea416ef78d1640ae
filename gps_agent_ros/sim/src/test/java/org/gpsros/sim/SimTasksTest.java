package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class SimTasksTest {

    @Test
    void knowsTheEmbeddedTasks() {
        assertEquals(List.of("blind_peg", "box2d_arm", "box2d_pointmass", "obstacle_nav", "peg_insertion", "visual_reacher"),
                SimTasks.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> SimTasks.create("box2d_cart"));
        assertTrue(error.getMessage().contains("box2d_cart"), error.getMessage());
        assertTrue(error.getMessage().contains("box2d_arm, box2d_pointmass"), error.getMessage());
    }

    @Test
    void pointMassMatchesTheReferenceExample() {
        SimTask task = SimTasks.create(SimTasks.BOX2D_POINTMASS);
        assertEquals("box2d_pointmass", task.name());
        assertEquals(100, task.horizon());
        assertEquals(0.05, task.timeStep());
        assertEquals(2, task.actionDim());
        assertEquals(new SensorLayout(List.of(SensorType.END_EFFECTOR_POINTS, SensorType.END_EFFECTOR_POINT_VELOCITIES),
                List.of(3, 3)), task.stateLayout());
        assertEquals(task.stateLayout(), task.observationLayout());
        assertEquals(1, task.conditionCount());
        assertArrayEquals(new double[] {0, 5, 0, 0, 0, 0}, task.initialState(0));
        assertEquals(SensorType.END_EFFECTOR_POINTS, task.targetSensor());
        assertArrayEquals(new double[] {5, 20, 0}, task.target());
    }

    @Test
    void armMatchesTheReferenceExample() {
        SimTask task = SimTasks.create(SimTasks.BOX2D_ARM);
        assertEquals("box2d_arm", task.name());
        assertEquals(100, task.horizon());
        assertEquals(2, task.actionDim());
        assertEquals(new SensorLayout(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES,
                SensorType.END_EFFECTOR_POINTS), List.of(2, 2, 3)), task.stateLayout());
        assertEquals(1, task.conditionCount());
        double[] x0 = task.initialState(0);
        double[] nominal = {0.75 * Math.PI, 0.5 * Math.PI, 0, 0, -3.5355339059327378, 5.100505063388334, 0};
        assertArrayEquals(nominal, x0, 1e-5);
        assertEquals(SensorType.JOINT_ANGLES, task.targetSensor());
        assertArrayEquals(new double[] {0, 0}, task.target());
    }

    @Test
    void optionsChangeHorizonAndConditions() {
        SimTaskOptions options = SimTaskOptions.defaults().withHorizon(20)
                .withInitialStates(List.of(new double[] {0, 5, 0, 0, 0, 0}, new double[] {10, 10, 0, 1, -2, 0}));
        SimTask task = SimTasks.create("box2d_pointmass", options);
        assertEquals(20, task.horizon());
        assertEquals(2, task.conditionCount());
        assertArrayEquals(new double[] {10, 10, 0, 1, -2, 0}, task.initialState(1));

        SimTask arm = SimTasks.create("box2d_arm", SimTaskOptions.defaults().withInitialStates(List.of(
                new double[] {0.5 * Math.PI, 0, 0, 0, 0, 0, 0},
                new double[] {Math.PI, -0.5 * Math.PI, 0, 0, 0, 0, 0})));
        assertEquals(2, arm.conditionCount());
        assertEquals(Math.PI, arm.initialState(1)[0], 1e-6);
    }

    @Test
    void optionsCopyTheirArrays() {
        double[] x0 = {0, 5, 0, 0, 0, 0};
        SimTaskOptions options = SimTaskOptions.defaults().withInitialStates(List.of(x0));
        x0[0] = 3;
        options.initialStates().get(0)[1] = 7;
        assertArrayEquals(new double[] {0, 5, 0, 0, 0, 0}, options.initialStates().get(0));
    }

    @Test
    void badInitialStatesAreRejectedWithTheirIndex() {
        assertMessage("box2d_pointmass", new double[] {0, 5, 0, 0}, "initialStates[0] has 4 values");
        assertMessage("box2d_pointmass", new double[] {0, 5, 1, 0, 0, 0}, "initialStates[0][2]");
        assertMessage("box2d_pointmass", new double[] {25, 5, 0, 0, 0, 0}, "initialStates[0][0]");
        assertMessage("box2d_arm", new double[] {0, 0, 1, 0, 0, 0, 0}, "initialStates[0][2]");
        assertMessage("box2d_arm", new double[] {0, 0, 0, 0, 0, 28, 0}, "initialStates[0][5]");
        assertThrows(IllegalArgumentException.class, () -> SimTaskOptions.defaults().withHorizon(1));
        assertThrows(IllegalArgumentException.class,
                () -> SimTaskOptions.defaults().withInitialStates(List.of(new double[] {Double.NaN})));
    }

    @Test
    void armAcceptsItsOwnForwardKinematicsAsEndEffectorEntries() {
        SimTask task = SimTasks.create("box2d_arm", SimTaskOptions.defaults()
                .withInitialStates(List.of(new double[] {0, 0, 0, 0, 0, 29, 0})));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 29, 0}, task.initialState(0), 1e-5);
    }

    @Test
    void conditionIndexIsChecked() {
        SimTask task = SimTasks.create("box2d_arm");
        assertThrows(IndexOutOfBoundsException.class, () -> task.initialState(1));
        assertThrows(IndexOutOfBoundsException.class, () -> task.newWorld(-1));
    }

    private static void assertMessage(String name, double[] x0, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SimTasks.create(name, SimTaskOptions.defaults().withInitialStates(List.of(x0))));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().contains(name), error.getMessage());
    }
}
