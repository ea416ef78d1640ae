package org.gpsros.sim.box2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointMassWorldTest {

    /** Box2D (JBox2D 2.2.1) damps the written velocity once per step: v ← v·(1 − dt·c), c = 0.1. */
    private static final double DAMPING_FACTOR = 1 - PointMassWorld.TIME_STEP * PointMassWorld.LINEAR_DAMPING;
    private static final double FLOAT_TOL = 1e-6;

    @Test
    void startsExactlyAtTheGivenStateWithAnglePi() {
        PointMassWorld world = new PointMassWorld(0, 5, 0, 0);
        assertEquals(0.0, world.x());
        assertEquals(5.0, world.y());
        assertEquals(0.0, world.vx());
        assertEquals(0.0, world.vy());
        assertEquals((float) Math.PI, world.angle());
    }

    @Test
    void belowTheClampMovesByTheDampedVelocityTimesDtEveryStep() {
        PointMassWorld world = new PointMassWorld(0, 5, 0, 0);
        double[][] actions = {{1, 2}, {-3, 0.5}, {10, -7}, {0, 0}, {25, 30}};
        for (double[] u : actions) {
            double x = world.x();
            double y = world.y();
            world.setVelocity(u[0], u[1]);
            world.step();
            assertEquals(u[0] * DAMPING_FACTOR * PointMassWorld.TIME_STEP, world.x() - x, FLOAT_TOL);
            assertEquals(u[1] * DAMPING_FACTOR * PointMassWorld.TIME_STEP, world.y() - y, FLOAT_TOL);
            assertEquals(u[0] * DAMPING_FACTOR, world.vx(), 1e-5);
            assertEquals(u[1] * DAMPING_FACTOR, world.vy(), 1e-5);
            assertEquals((float) Math.PI, world.angle(), "no contact, no rotation");
        }
    }

    @Test
    void aboveTheClampMovesExactlyTwoMetresPerStepInTheCommandedDirection() {
        PointMassWorld world = new PointMassWorld(0, 5, 0, 0);
        world.setVelocity(60, 80);
        world.step();
        assertEquals(2.0, Math.hypot(world.x(), world.y() - 5), FLOAT_TOL);
        assertEquals(1.2, world.x(), FLOAT_TOL);
        assertEquals(6.6, world.y(), FLOAT_TOL);
        // The velocity Box2D keeps is the clamped one: 2 m per 1/20 s.
        assertEquals(2.0 / PointMassWorld.TIME_STEP, Math.hypot(world.vx(), world.vy()), 1e-4);

        PointMassWorld fast = new PointMassWorld(0, 5, 0, 0);
        fast.setVelocity(-1000, 0);
        fast.step();
        assertEquals(-PointMassWorld.MAX_TRANSLATION_PER_STEP, fast.x(), FLOAT_TOL);
        assertEquals(5.0, fast.y(), FLOAT_TOL);
    }

    @Test
    void justBelowAndAboveTheClampThreshold() {
        double threshold = PointMassWorld.MAX_TRANSLATION_PER_STEP / (PointMassWorld.TIME_STEP * DAMPING_FACTOR);
        PointMassWorld below = new PointMassWorld(0, 5, 0, 0);
        below.setVelocity(0.99 * threshold, 0);
        below.step();
        assertEquals(0.99 * 2.0, below.x(), 1e-5);
        PointMassWorld above = new PointMassWorld(0, 5, 0, 0);
        above.setVelocity(1.5 * threshold, 0);
        above.step();
        assertEquals(2.0, above.x(), 1e-5);
    }

    @Test
    void theWallsKeepTheBodyInsideTheBox() {
        PointMassWorld world = new PointMassWorld(0, 5, 0, 0);
        for (int t = 0; t < 40; t++) {
            world.setVelocity(0, -30);
            world.step();
        }
        // The floor edge is at y = 0; the body's triangles reach about 1.1 m from its origin.
        assertTrue(world.y() > 0 && world.y() < 2, "y = " + world.y());
    }

    @Test
    void rejectsNonFiniteStart() {
        assertThrows(IllegalArgumentException.class, () -> new PointMassWorld(Double.NaN, 5, 0, 0));
    }
}
