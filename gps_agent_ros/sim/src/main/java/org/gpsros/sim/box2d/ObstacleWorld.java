package org.gpsros.sim.box2d;

import java.util.List;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The force-controlled particle of the MDGPS paper's obstacle navigation (Montgomery &amp; Levine 2016, §6;
 * reference {@code mjc_models/particle2d.xml}, study §5; TASKS.md §3), built on JBox2D.
 *
 * <p><b>Model.</b> A ball of radius {@link #BALL_RADIUS} 0.05 m and mass {@link #MASS} ≈ 0.6807 kg (the MJCF
 * particle: a capsule of radius 0.05 and length 0.02 at density 1000, so m = 1000·π·r²·(0.02 + 4r/3)) slides
 * in the plane on two joints x, y with viscous damping {@link #DAMPING} 1 N·s/m and no rotation, zero gravity.
 * The action is a force per axis, clamped to ±{@link #MAX_FORCE} 1 N (MJCF motors, ctrlrange ±1), so the
 * top speed is 1 m/s per axis and the velocity time constant m/b ≈ 0.68 s. The target is at
 * ({@link #TARGET_X}, {@link #TARGET_Y}) = (2.5, 0) and does not collide. Contacts are frictionless (MJCF
 * condim 1) and inelastic.
 *
 * <p><b>Obstacles</b> ({@link #OBSTACLES}): two static capsules of radius 0.05 m, (1.2, 0.2)–(1.51, 0.51) (the
 * MJCF's obs1) and (2.2, −0.15)–(1.8, 0.15) (length 0.5, centre (2.0, 0)). Obstacle 2 cuts every straight line
 * to the target from x ∈ [0, 0.75], |y| ≤ 0.6; obstacle 1 also cuts those from y ≥ 0.2. Obstacle 2 is not the
 * MJCF's (2.3, −0.2)–(2.1, 0.1): there the target (0.28 m away) projects onto the middle of the capsule, so the
 * distance to the target has a local minimum on the capsule's far face, 0.377 m from the target, where a
 * controller pressing toward the target stops (a greedy controller from starts at x = 0, and LQR-FLM in 12
 * iterations, ended there). Ours is turned so that the target projects beyond its lower end (the angle at that
 * end between the capsule and the target is 117°), and likewise beyond obstacle 1's upper end: pressing toward
 * the target slides the ball along a face and around an end, so no face traps a local method; the path still has
 * to go around the obstacles.
 *
 * <p><b>Integration.</b> {@link #step()} is one control step of {@link #CONTROL_STEP} 0.05 s made of
 * {@link #SUBSTEPS} 5 substeps of {@link #SUBSTEP} 0.01 s (the MJCF timestep and the reference's
 * {@code substeps}). Each substep integrates the force and the damping exactly for a free particle,
 * v ← u/b + (v − u/b)·exp(−b·h/m) with u the clamped force, b the damping and h the substep, writes that
 * velocity into the body and lets one JBox2D step (8 velocity, 3 position iterations, continuous collision
 * on) resolve the contacts and move the body by h·v (the position update of MuJoCo's Euler integrator, which
 * leads the exact position by at most h/2·|Δv|, 5 mm for a change of 1 m/s). An explicit Euler step of the
 * damping would be off by up to h/(2e·m) ≈ 2.7e-3 m/s after 0.68 s; the exponential update matches the
 * analytic v(t) up to float rounding and keeps the dynamics linear away from the obstacles. JBox2D's polygon
 * skin ({@code Settings.polygonRadius}) is subtracted from each capsule's box, so the box and its end circles
 * form one smooth surface at the capsule radius; a ball pressed against it overlaps it by at most about
 * JBox2D's linear slop (5 mm).
 *
 * <p>Positions and velocities are the ball centre's, read from JBox2D's floats. One instance is one rollout;
 * not thread-safe. Its contacts are circle–polygon and circle–circle, which use no static scratch state, so
 * several instances may run on several threads.
 */
public final class ObstacleWorld {

    /** A static capsule: the segment (ax, ay)–(bx, by) thickened by {@code radius}, in metres. */
    public record Capsule(double ax, double ay, double bx, double by, double radius) {
        public Capsule {
            if (!(radius > Settings.polygonRadius) || !Double.isFinite(radius)) {
                throw new IllegalArgumentException("capsule radius must exceed JBox2D's polygon skin "
                        + Settings.polygonRadius + ", got " + radius);
            }
            if (ax == bx && ay == by) {
                throw new IllegalArgumentException("capsule ends must differ, got (" + ax + ", " + ay + ") twice");
            }
        }

        /** Distance from (x, y) to the capsule's segment (not its surface). */
        public double segmentDistance(double x, double y) {
            double dx = bx - ax;
            double dy = by - ay;
            double s = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
            s = Math.max(0.0, Math.min(1.0, s));
            return Math.hypot(x - (ax + s * dx), y - (ay + s * dy));
        }
    }

    /** Target position x (MJCF body {@code target}). */
    public static final double TARGET_X = 2.5;
    /** Target position y. */
    public static final double TARGET_Y = 0.0;
    /** Ball radius in metres (MJCF {@code particle_geom} size). */
    public static final double BALL_RADIUS = 0.05;
    /** Ball mass in kg: the MJCF capsule (radius 0.05, length 0.02) at density 1000. */
    public static final double MASS = 1000.0 * Math.PI * BALL_RADIUS * BALL_RADIUS * (0.02 + 4.0 * BALL_RADIUS / 3.0);
    /** Viscous damping of each slide joint, N·s/m (MJCF joint damping). */
    public static final double DAMPING = 1.0;
    /** Largest force magnitude per axis, N (MJCF motor ctrlrange). */
    public static final double MAX_FORCE = 1.0;
    /** Physics substeps per control step. */
    public static final int SUBSTEPS = 5;
    /** Seconds per physics substep (MJCF timestep). */
    public static final double SUBSTEP = 0.01;
    /** Seconds per {@link #step()}: the 20 Hz control period. */
    public static final double CONTROL_STEP = SUBSTEPS * SUBSTEP;
    /** The two obstacles: the MJCF's obs1 and a turned, longer obs2 (see the class comment). */
    public static final List<Capsule> OBSTACLES = List.of(
            new Capsule(1.2, 0.2, 1.51, 0.51, 0.05),
            new Capsule(2.2, -0.15, 1.8, 0.15, 0.05));

    /** Velocity decay over one substep, exp(−b·h/m) (StrictMath: the same bits on every platform). */
    private static final double DECAY = StrictMath.exp(-DAMPING * SUBSTEP / MASS);

    private final World world;
    private final Body ball;
    private final Vec2 velocity = new Vec2();
    private double forceX;
    private double forceY;

    /**
     * A fresh world with the ball centre at {@code (x, y)} moving at {@code (vx, vy)} and zero force.
     *
     * @throws IllegalArgumentException if a value is not finite or the ball would overlap an obstacle
     */
    public ObstacleWorld(double x, double y, double vx, double vy) {
        this(OBSTACLES, x, y, vx, vy);
    }

    /**
     * A fresh world with other obstacles (for studies of the layout); otherwise as
     * {@link #ObstacleWorld(double, double, double, double)}.
     */
    public ObstacleWorld(List<Capsule> obstacles, double x, double y, double vx, double vy) {
        Box2dPhysics.finiteFloat("x", x);
        Box2dPhysics.finiteFloat("y", y);
        double clearance = clearance(obstacles, x, y);
        if (clearance < 0) {
            throw new IllegalArgumentException("the ball at (" + x + ", " + y + ") overlaps an obstacle by "
                    + (-clearance) + " m");
        }
        world = Box2dPhysics.newWorld();
        world.setAllowSleep(false);
        for (Capsule capsule : obstacles) {
            addCapsule(world, capsule);
        }
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) x, (float) y);
        def.linearVelocity.set(Box2dPhysics.finiteFloat("vx", vx), Box2dPhysics.finiteFloat("vy", vy));
        def.fixedRotation = true;
        def.allowSleep = false;
        ball = world.createBody(def);
        CircleShape circle = new CircleShape();
        circle.m_radius = (float) BALL_RADIUS;
        ball.createFixture(frictionless(circle));
        MassData mass = new MassData();
        mass.mass = (float) MASS;
        mass.I = 0f;
        ball.setMassData(mass);
    }

    /** A static body holding one capsule: a box between the end points plus a circle at each end. */
    private static void addCapsule(World world, Capsule capsule) {
        Body body = world.createBody(new BodyDef());
        double dx = capsule.bx() - capsule.ax();
        double dy = capsule.by() - capsule.ay();
        PolygonShape box = new PolygonShape();
        box.setAsBox((float) (0.5 * StrictMath.hypot(dx, dy)), (float) (capsule.radius() - Settings.polygonRadius),
                new Vec2((float) (capsule.ax() + 0.5 * dx), (float) (capsule.ay() + 0.5 * dy)),
                (float) StrictMath.atan2(dy, dx));
        body.createFixture(frictionless(box));
        for (int end = 0; end < 2; end++) {
            CircleShape circle = new CircleShape();
            circle.m_radius = (float) capsule.radius();
            circle.m_p.set((float) (end == 0 ? capsule.ax() : capsule.bx()),
                    (float) (end == 0 ? capsule.ay() : capsule.by()));
            body.createFixture(frictionless(circle));
        }
    }

    private static FixtureDef frictionless(Shape shape) {
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = 0f;
        def.friction = 0f;
        def.restitution = 0f;
        return def;
    }

    /**
     * The gap between the ball at centre (x, y) and the nearest obstacle surface, in metres; negative when they
     * overlap.
     */
    public static double clearance(double x, double y) {
        return clearance(OBSTACLES, x, y);
    }

    /** {@link #clearance(double, double)} among {@code obstacles}. */
    public static double clearance(List<Capsule> obstacles, double x, double y) {
        double gap = Double.POSITIVE_INFINITY;
        for (Capsule capsule : obstacles) {
            gap = Math.min(gap, capsule.segmentDistance(x, y) - capsule.radius() - BALL_RADIUS);
        }
        return gap;
    }

    /**
     * Applies the action: the force per axis in N, each clamped to [−{@link #MAX_FORCE}, {@link #MAX_FORCE}];
     * it holds until the next call.
     *
     * @throws IllegalArgumentException if a component is NaN
     */
    public void setForce(double fx, double fy) {
        if (Double.isNaN(fx) || Double.isNaN(fy)) {
            throw new IllegalArgumentException("force must not be NaN, got (" + fx + ", " + fy + ")");
        }
        forceX = clampForce(fx);
        forceY = clampForce(fy);
    }

    /** {@code u} clamped to [−{@link #MAX_FORCE}, {@link #MAX_FORCE}]. */
    public static double clampForce(double u) {
        return Math.max(-MAX_FORCE, Math.min(MAX_FORCE, u));
    }

    /** Advances one control step of {@link #CONTROL_STEP} seconds ({@link #SUBSTEPS} physics substeps). */
    public void step() {
        double terminalX = forceX / DAMPING;
        double terminalY = forceY / DAMPING;
        for (int i = 0; i < SUBSTEPS; i++) {
            Vec2 v = ball.getLinearVelocity();
            velocity.set((float) (terminalX + (v.x - terminalX) * DECAY), (float) (terminalY + (v.y - terminalY) * DECAY));
            ball.setLinearVelocity(velocity);
            world.step((float) SUBSTEP, Box2dPhysics.VELOCITY_ITERATIONS, Box2dPhysics.POSITION_ITERATIONS);
        }
    }

    /** Ball centre x, metres. */
    public double x() {
        return ball.getPosition().x;
    }

    /** Ball centre y, metres. */
    public double y() {
        return ball.getPosition().y;
    }

    /** Ball velocity x, m/s. */
    public double vx() {
        return ball.getLinearVelocity().x;
    }

    /** Ball velocity y, m/s. */
    public double vy() {
        return ball.getLinearVelocity().y;
    }

    /** The clamped force x in effect, N. */
    public double forceX() {
        return forceX;
    }

    /** The clamped force y in effect, N. */
    public double forceY() {
        return forceY;
    }
}
