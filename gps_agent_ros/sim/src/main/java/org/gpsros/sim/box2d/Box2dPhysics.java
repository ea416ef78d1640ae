package org.gpsros.sim.box2d;

import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.World;

/**
 * The physics settings every reference Box2D world shares (reference {@code gps/agent/box2d/settings.py}:
 * {@code hz 20}, {@code velocityIterations 8}, {@code positionIterations 3}, warm starting and continuous
 * collision on, sub-stepping off; sleeping allowed; gravity 0).
 *
 * <p>JBox2D's default sine/cosine lookup table (error up to 1.1e-4 rad) is switched off JVM-wide on first
 * use, so body rotations are computed like Box2D's C++ {@code sinf}/{@code cosf} (JBox2D then uses
 * {@link StrictMath}, which is also platform independent). Nothing else in this project uses JBox2D.
 */
final class Box2dPhysics {

    /** One world step, 1/20 s, in Box2D's float precision. */
    static final float TIME_STEP = (float) (1.0 / 20.0);
    static final int VELOCITY_ITERATIONS = 8;
    static final int POSITION_ITERATIONS = 3;

    static {
        Settings.SINCOS_LUT_ENABLED = false;
    }

    private Box2dPhysics() {
    }

    /** A new world with zero gravity and the reference's solver flags. */
    static World newWorld() {
        World world = new World(new Vec2(0f, 0f));
        world.setAllowSleep(true);
        world.setWarmStarting(true);
        world.setContinuousPhysics(true);
        world.setSubStepping(false);
        return world;
    }

    /** Advances {@code world} by one control step (one Box2D step of 1/20 s). */
    static void step(World world) {
        world.step(TIME_STEP, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
    }

    /** Rejects a value Box2D would turn into NaN physics, naming it. */
    static float finiteFloat(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return (float) value;
    }
}
