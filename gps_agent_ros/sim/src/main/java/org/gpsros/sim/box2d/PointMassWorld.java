package org.gpsros.sim.box2d;

import org.jbox2d.collision.shapes.EdgeShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Rot;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.World;

/**
 * The reference's Box2D point mass (TASKS.md §1, reference {@code point_mass_world.py}): a dynamic body made
 * of two triangles (density 1), at angle π, linear damping 0.1, angular damping 5, inside a 40 m × 40 m box of
 * edges around a static ground body at (0, 20), with zero gravity.
 *
 * <p>The action is a <em>velocity</em>: {@link #setVelocity} writes it into the body, then {@link #step()}
 * runs one Box2D step of 1/20 s. Box2D damps it first (v ← v·(1 − dt·0.1), JBox2D 2.2.1's rule) and clamps
 * the translation of one step to 2 m ({@code b2_maxTranslation}), so the body moves by about
 * {@code 0.995·v·dt} per step, and by exactly 2 m when {@code |0.995·v·dt| > 2}.
 *
 * <p>Positions and velocities are those of the body origin (the reference's {@code body.position} and
 * {@code body.linearVelocity}), read from Box2D's floats. One instance is one rollout; not thread-safe.
 */
public final class PointMassWorld {

    /** Linear damping of the body (reference {@code linearDamping=0.1}). */
    public static final double LINEAR_DAMPING = 0.1;
    /** Angular damping of the body (reference {@code angularDamping=5}). */
    public static final double ANGULAR_DAMPING = 5.0;
    /** Box2D's largest translation of a body in one step, in metres ({@code b2_maxTranslation}). */
    public static final double MAX_TRANSLATION_PER_STEP = Settings.maxTranslation;
    /** Seconds per {@link #step()}. */
    public static final double TIME_STEP = Box2dPhysics.TIME_STEP;

    /** Rotation of the two triangles, ±0.3524 π (reference {@code xf1.angle}, {@code xf2.angle}). */
    private static final double TRIANGLE_ANGLE = 0.3524 * Math.PI;

    private final World world;
    private final Body body;
    private final Vec2 velocity = new Vec2();

    /**
     * A fresh world with the body at {@code (x, y)}, angle π, moving at {@code (vx, vy)}.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public PointMassWorld(double x, double y, double vx, double vy) {
        world = Box2dPhysics.newWorld();
        addWalls(world);
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set(Box2dPhysics.finiteFloat("x", x), Box2dPhysics.finiteFloat("y", y));
        def.angle = (float) Math.PI;
        def.linearVelocity.set(Box2dPhysics.finiteFloat("vx", vx), Box2dPhysics.finiteFloat("vy", vy));
        def.angularVelocity = 0f;
        def.linearDamping = (float) LINEAR_DAMPING;
        def.angularDamping = (float) ANGULAR_DAMPING;
        body = world.createBody(def);
        body.createFixture(triangle(TRIANGLE_ANGLE, 1.0), 1f);
        body.createFixture(triangle(-TRIANGLE_ANGLE, -1.0), 1f);
    }

    /** The box: edges (−20,−20)→(−20,20)→(20,20)→(20,−20)→(−20,−20) on a static body at (0, 20). */
    private static void addWalls(World world) {
        BodyDef def = new BodyDef();
        def.position.set(0f, 20f);
        Body ground = world.createBody(def);
        float[][] corners = {{-20f, -20f}, {-20f, 20f}, {20f, 20f}, {20f, -20f}, {-20f, -20f}};
        for (int i = 0; i + 1 < corners.length; i++) {
            EdgeShape edge = new EdgeShape();
            edge.set(new Vec2(corners[i][0], corners[i][1]), new Vec2(corners[i + 1][0], corners[i + 1][1]));
            ground.createFixture(edge, 0f);
        }
    }

    /**
     * One triangle of the body: the local triangle (−1,0), (1,0), (0,0.5) moved by the transform with
     * rotation {@code angle} and translation R(angle)·(offset, 0), as the reference builds it.
     */
    private static PolygonShape triangle(double angle, double offset) {
        Transform xf = new Transform();
        xf.q.set((float) angle);
        Rot.mulToOut(xf.q, new Vec2((float) offset, 0f), xf.p);
        Vec2[] vertices = {
            Transform.mul(xf, new Vec2(-1f, 0f)),
            Transform.mul(xf, new Vec2(1f, 0f)),
            Transform.mul(xf, new Vec2(0f, 0.5f)),
        };
        PolygonShape shape = new PolygonShape();
        shape.set(vertices, vertices.length);
        return shape;
    }

    /** Applies the action: writes {@code (vx, vy)} into the body's linear velocity (reference {@code run_next}). */
    public void setVelocity(double vx, double vy) {
        velocity.set((float) vx, (float) vy);
        body.setLinearVelocity(velocity);
    }

    /** Advances one step of {@link #TIME_STEP} seconds. */
    public void step() {
        Box2dPhysics.step(world);
    }

    public double x() {
        return body.getPosition().x;
    }

    public double y() {
        return body.getPosition().y;
    }

    public double vx() {
        return body.getLinearVelocity().x;
    }

    public double vy() {
        return body.getLinearVelocity().y;
    }

    /** Body angle in radians (π at the start; contacts with the walls can turn it). */
    public double angle() {
        return body.getAngle();
    }
}
