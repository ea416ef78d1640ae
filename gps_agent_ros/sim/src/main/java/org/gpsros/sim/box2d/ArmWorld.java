package org.gpsros.sim.box2d;

import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.joints.RevoluteJoint;
import org.jbox2d.dynamics.joints.RevoluteJointDef;

/**
 * The reference's Box2D two-link arm (TASKS.md §2, reference {@code arm_world.py}), zero gravity.
 *
 * <p>A static base (box half-extents 1 × 1, density 100) at (0, 15); two dynamic links (box half-extents
 * 0.5 × 5, density 0.5, friction 1). The shoulder joint pins base point (0, 0) to link-1 point (0, 5); the
 * elbow joint pins link-1 point (0, −4.5) to link-2 point (0, 4.5). Both are revolute, unlimited, with motors
 * of maximum torque 400. The action is the two <em>motor speeds</em> (rad/s); the motors reach them only as
 * fast as 400 N·m can accelerate the links, so large speed changes take several steps.
 *
 * <p>Angles follow the reference's {@code set_joint_angles}: link 1's body angle is {@code shoulder + π},
 * link 2's is {@code elbow + link-1 angle}, and each link is moved so its anchor coincides with its parent's.
 * The joints' reference angles are those of Box2D's joint definitions in pybox2d (bodyB − bodyA angle at
 * creation: π and 0), so {@link #shoulderAngle()} and {@link #elbowAngle()} read back the angles given at
 * construction, up to float rounding. The end effector is the centre of link 2 ({@link #endEffectorX()},
 * {@link #endEffectorY()}); {@link #endEffectorPoint(double, double)} is its forward kinematics.
 *
 * <p>One instance is one rollout; not thread-safe.
 */
public final class ArmWorld {

    /** The motors' maximum torque (reference {@code maxMotorTorque=400}). */
    public static final double MAX_MOTOR_TORQUE = 400.0;
    /** Seconds per {@link #step()}. */
    public static final double TIME_STEP = Box2dPhysics.TIME_STEP;

    private static final float BASE_X = 0f;
    private static final float BASE_Y = 15f;
    private static final float LINK_HALF_WIDTH = 0.5f;
    private static final float LINK_HALF_LENGTH = 5f;
    /** Distance from a link's centre to its elbow-side anchor (reference {@code fixture_length - 0.5}). */
    private static final float ELBOW_OFFSET = LINK_HALF_LENGTH - 0.5f;

    private final World world;
    private final Body base;
    private final Body link1;
    private final Body link2;
    private final RevoluteJoint shoulder;
    private final RevoluteJoint elbow;

    /**
     * A fresh world with the arm at rest at the given joint angles.
     *
     * @param shoulderAngle joint-1 angle in radians (reference {@code x0[0]})
     * @param elbowAngle joint-2 angle in radians, relative to link 1 (reference {@code x0[1]})
     * @throws IllegalArgumentException if an angle is not finite
     */
    public ArmWorld(double shoulderAngle, double elbowAngle) {
        Box2dPhysics.finiteFloat("shoulderAngle", shoulderAngle);
        Box2dPhysics.finiteFloat("elbowAngle", elbowAngle);
        world = Box2dPhysics.newWorld();

        BodyDef baseDef = new BodyDef();
        baseDef.position.set(BASE_X, BASE_Y);
        base = world.createBody(baseDef);
        base.createFixture(box(1f, 1f, 100f));

        link1 = world.createBody(linkDef());
        link1.createFixture(box(LINK_HALF_WIDTH, LINK_HALF_LENGTH, 0.5f));
        link2 = world.createBody(linkDef());
        link2.createFixture(box(LINK_HALF_WIDTH, LINK_HALF_LENGTH, 0.5f));

        shoulder = motorJoint(base, new Vec2(0f, 0f), link1, new Vec2(0f, LINK_HALF_LENGTH));
        elbow = motorJoint(link1, new Vec2(0f, -ELBOW_OFFSET), link2, new Vec2(0f, ELBOW_OFFSET));

        setJointAngles(shoulderAngle, elbowAngle);
    }

    /** Links are created as in the reference, at (0, 2) with angle π, before the joints fix their reference angles. */
    private static BodyDef linkDef() {
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set(0f, 2f);
        def.angle = (float) Math.PI;
        return def;
    }

    private static FixtureDef box(float halfWidth, float halfHeight, float density) {
        PolygonShape shape = new PolygonShape();
        shape.setAsBox(halfWidth, halfHeight);
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = density;
        def.friction = 1f;
        return def;
    }

    private RevoluteJoint motorJoint(Body bodyA, Vec2 anchorA, Body bodyB, Vec2 anchorB) {
        RevoluteJointDef def = new RevoluteJointDef();
        def.bodyA = bodyA;
        def.bodyB = bodyB;
        def.localAnchorA.set(anchorA);
        def.localAnchorB.set(anchorB);
        def.referenceAngle = bodyB.getAngle() - bodyA.getAngle();
        def.enableMotor = true;
        def.maxMotorTorque = (float) MAX_MOTOR_TORQUE;
        def.motorSpeed = 0f;
        def.enableLimit = false;
        return (RevoluteJoint) world.createJoint(def);
    }

    /** The reference's {@code set_joint_angles}: absolute body angles from joint angles, anchors made to coincide. */
    private void setJointAngles(double shoulderAngle, double elbowAngle) {
        Vec2 pivot = base.getWorldPoint(new Vec2(0f, 0f));
        link1.setTransform(link1.getPosition(), (float) (shoulderAngle + Math.PI));
        Vec2 anchor1 = link1.getWorldPoint(new Vec2(0f, LINK_HALF_LENGTH));
        link1.setTransform(link1.getPosition().add(pivot.sub(anchor1)), link1.getAngle());

        link2.setTransform(link2.getPosition(), (float) (elbowAngle + link1.getAngle()));
        Vec2 elbowPivot = link1.getWorldPoint(new Vec2(0f, -ELBOW_OFFSET));
        Vec2 anchor2 = link2.getWorldPoint(new Vec2(0f, ELBOW_OFFSET));
        link2.setTransform(link2.getPosition().add(elbowPivot.sub(anchor2)), link2.getAngle());
    }

    /** Applies the action: the two joints' motor speeds in rad/s (reference {@code run_next}). */
    public void setMotorSpeeds(double shoulderSpeed, double elbowSpeed) {
        shoulder.setMotorSpeed((float) shoulderSpeed);
        elbow.setMotorSpeed((float) elbowSpeed);
    }

    /** Advances one step of {@link #TIME_STEP} seconds. */
    public void step() {
        Box2dPhysics.step(world);
    }

    /** Joint-1 angle (link 1 relative to the base), radians, unwrapped. */
    public double shoulderAngle() {
        return shoulder.getJointAngle();
    }

    /** Joint-2 angle (link 2 relative to link 1), radians, unwrapped. */
    public double elbowAngle() {
        return elbow.getJointAngle();
    }

    /** Joint-1 angular velocity, rad/s. */
    public double shoulderSpeed() {
        return shoulder.getJointSpeed();
    }

    /** Joint-2 angular velocity, rad/s. */
    public double elbowSpeed() {
        return elbow.getJointSpeed();
    }

    /** x of the centre of link 2 (reference {@code body2.position}). */
    public double endEffectorX() {
        return link2.getPosition().x;
    }

    /** y of the centre of link 2. */
    public double endEffectorY() {
        return link2.getPosition().y;
    }

    /**
     * Forward kinematics of the end effector (centre of link 2) in double precision, for the arm posed by the
     * reference's {@code set_joint_angles}: with θ₁ = shoulder + π and θ₂ = θ₁ + elbow, and R(θ)(0, l) =
     * (−l sin θ, l cos θ), link 1's centre is base − R(θ₁)(0, 5), the elbow is link-1 centre + R(θ₁)(0, −4.5)
     * and the end effector is elbow − R(θ₂)(0, 4.5).
     *
     * @return {x, y}
     */
    public static double[] endEffectorPoint(double shoulderAngle, double elbowAngle) {
        double theta1 = shoulderAngle + Math.PI;
        double theta2 = theta1 + elbowAngle;
        double s1 = StrictMath.sin(theta1);
        double c1 = StrictMath.cos(theta1);
        double link1X = BASE_X + LINK_HALF_LENGTH * s1;
        double link1Y = BASE_Y - LINK_HALF_LENGTH * c1;
        double elbowX = link1X + ELBOW_OFFSET * s1;
        double elbowY = link1Y - ELBOW_OFFSET * c1;
        return new double[] {
            elbowX + ELBOW_OFFSET * StrictMath.sin(theta2),
            elbowY - ELBOW_OFFSET * StrictMath.cos(theta2),
        };
    }
}
