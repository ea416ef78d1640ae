package org.gpsros.sim.reacher;

/**
 * A planar two-link arm on hinges about the world z axis (gravity along −z does no work), MuJoCo reacher proportions
 * (TASKS.md §6): links of length {@value #LINK_LENGTH} m, capsules of radius {@value #LINK_RADIUS} at density
 * {@value #DENSITY}; the fingertip, a sphere of radius {@value #FINGERTIP_RADIUS}, sits {@value #FINGERTIP_OFFSET} m
 * along link 2 from the elbow; joint armature {@value #ARMATURE} kg·m², viscous damping {@value #DAMPING} N·m·s/rad,
 * motors of gear {@value #GEAR} driven by |u| ≤ 1 (clamped here); joint 1 unlimited, joint 2 within
 * ±{@value #ELBOW_LIMIT} rad.
 *
 * <p>Equations of motion (Lagrange, link i of mass m_i, centre of mass c_i from its joint, inertia I_i about it; l₁ the
 * first link's length; a the armature): M(q) q̈ = τ + b(q, q̇) − d q̇ + τ_limit with
 * M₁₁ = a + I₁ + m₁c₁² + I₂ + m₂(l₁² + c₂² + 2l₁c₂ cos q₂), M₁₂ = I₂ + m₂(c₂² + l₁c₂ cos q₂), M₂₂ = a + I₂ + m₂c₂²,
 * h = m₂l₁c₂ sin q₂, b = (h q̇₂(2q̇₁ + q̇₂), −h q̇₁²). Link inertias are those of a rod (m(L²/12 + r²/4) about the centre);
 * link 2 carries the fingertip's mass. Both links weigh about 0.04 kg, so the armature dominates M, as in MuJoCo's reacher.
 * The elbow limit is a one-sided spring-damper, k = a ω², c = 2aω with ω = {@value #LIMIT_FREQUENCY} rad/s (critically
 * damped for the armature, a soft limit like MuJoCo's; full torque presses 0.08 rad past it).
 *
 * <p>Integration: classical RK4, {@value #SUBSTEPS} steps of {@value #PHYSICS_STEP} s per 0.05 s control step (MuJoCo's
 * reacher uses RK4 at 0.01 s), the torque held over the control step. One instance is one rollout; not thread-safe.
 */
public final class ReacherArm {

    public static final double LINK_LENGTH = 0.1;
    public static final double LINK_RADIUS = 0.01;
    public static final double FINGERTIP_OFFSET = 0.11;
    public static final double FINGERTIP_RADIUS = 0.01;
    public static final double DENSITY = 1000.0;
    public static final double ARMATURE = 1.0;
    public static final double DAMPING = 1.0;
    public static final double GEAR = 200.0;
    public static final double ELBOW_LIMIT = 3.0;
    public static final double LIMIT_FREQUENCY = 50.0;
    public static final double CONTROL_PERIOD = 0.05;
    public static final int SUBSTEPS = 5;
    public static final double PHYSICS_STEP = CONTROL_PERIOD / SUBSTEPS;

    private static final double LINK_MASS;
    private static final double LINK_INERTIA;
    private static final double M1;
    private static final double C1;
    private static final double I1;
    private static final double M2;
    private static final double C2;
    private static final double I2;

    static {
        double r = LINK_RADIUS;
        double l = LINK_LENGTH;
        LINK_MASS = DENSITY * (Math.PI * r * r * l + 4.0 / 3.0 * Math.PI * r * r * r);
        LINK_INERTIA = LINK_MASS * (l * l / 12 + r * r / 4);
        double tipMass = DENSITY * 4.0 / 3.0 * Math.PI * Math.pow(FINGERTIP_RADIUS, 3);
        double tipInertia = 0.4 * tipMass * FINGERTIP_RADIUS * FINGERTIP_RADIUS;
        M1 = LINK_MASS;
        C1 = l / 2;
        I1 = LINK_INERTIA;
        M2 = LINK_MASS + tipMass;
        C2 = (LINK_MASS * l / 2 + tipMass * FINGERTIP_OFFSET) / M2;
        I2 = LINK_INERTIA + LINK_MASS * Math.pow(l / 2 - C2, 2) + tipInertia
                + tipMass * Math.pow(FINGERTIP_OFFSET - C2, 2);
    }

    private final double damping;
    private final double[] q = new double[2];
    private final double[] qd = new double[2];
    private final double[] torque = new double[2];
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] probe = new double[4];

    /**
     * The arm at rest at the given joint angles.
     *
     * @throws IllegalArgumentException if an angle is not finite or the elbow is beyond ±{@value #ELBOW_LIMIT}
     */
    public ReacherArm(double shoulderAngle, double elbowAngle) {
        this(shoulderAngle, elbowAngle, DAMPING);
    }

    /** With another viscous damping (tests: 0 makes the unforced arm conserve energy). */
    ReacherArm(double shoulderAngle, double elbowAngle, double damping) {
        if (!Double.isFinite(shoulderAngle) || !Double.isFinite(elbowAngle) || Math.abs(elbowAngle) > ELBOW_LIMIT) {
            throw new IllegalArgumentException("joint angles must be finite with |elbow| ≤ " + ELBOW_LIMIT + ", got "
                    + shoulderAngle + ", " + elbowAngle);
        }
        q[0] = shoulderAngle;
        q[1] = elbowAngle;
        this.damping = damping;
    }

    /** Sets the joint velocities (rad/s). */
    public void setVelocities(double shoulderSpeed, double elbowSpeed) {
        qd[0] = shoulderSpeed;
        qd[1] = elbowSpeed;
    }

    /**
     * Holds the motor commands {@code action} (2 values, clamped to [−1, 1], times the gear) for one control step.
     */
    public void step(double[] action) {
        for (int j = 0; j < 2; j++) {
            torque[j] = GEAR * Math.max(-1.0, Math.min(1.0, action[j]));
        }
        double h = PHYSICS_STEP;
        for (int s = 0; s < SUBSTEPS; s++) {
            derivative(q[0], q[1], qd[0], qd[1], k1);
            derivative(q[0] + h / 2 * k1[0], q[1] + h / 2 * k1[1], qd[0] + h / 2 * k1[2], qd[1] + h / 2 * k1[3], k2);
            derivative(q[0] + h / 2 * k2[0], q[1] + h / 2 * k2[1], qd[0] + h / 2 * k2[2], qd[1] + h / 2 * k2[3], k3);
            derivative(q[0] + h * k3[0], q[1] + h * k3[1], qd[0] + h * k3[2], qd[1] + h * k3[3], k4);
            q[0] += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            q[1] += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            qd[0] += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
            qd[1] += h / 6 * (k1[3] + 2 * k2[3] + 2 * k3[3] + k4[3]);
        }
    }

    /** (q̇₁, q̇₂, q̈₁, q̈₂) at the given state under the held torque. */
    private void derivative(double q1, double q2, double qd1, double qd2, double[] out) {
        double cos2 = Math.cos(q2);
        double m11 = ARMATURE + I1 + M1 * C1 * C1 + I2 + M2 * (LINK_LENGTH * LINK_LENGTH + C2 * C2
                + 2 * LINK_LENGTH * C2 * cos2);
        double m12 = I2 + M2 * (C2 * C2 + LINK_LENGTH * C2 * cos2);
        double m22 = ARMATURE + I2 + M2 * C2 * C2;
        double h = M2 * LINK_LENGTH * C2 * Math.sin(q2);
        double r1 = torque[0] + h * qd2 * (2 * qd1 + qd2) - damping * qd1;
        double r2 = torque[1] - h * qd1 * qd1 - damping * qd2 + limitTorque(q2, qd2);
        double det = m11 * m22 - m12 * m12;
        out[0] = qd1;
        out[1] = qd2;
        out[2] = (m22 * r1 - m12 * r2) / det;
        out[3] = (m11 * r2 - m12 * r1) / det;
    }

    private static double limitTorque(double q2, double qd2) {
        double k = ARMATURE * LIMIT_FREQUENCY * LIMIT_FREQUENCY;
        double c = 2 * ARMATURE * LIMIT_FREQUENCY;
        if (q2 > ELBOW_LIMIT) {
            return Math.min(0.0, -k * (q2 - ELBOW_LIMIT) - c * qd2);
        }
        if (q2 < -ELBOW_LIMIT) {
            return Math.max(0.0, -k * (q2 + ELBOW_LIMIT) - c * qd2);
        }
        return 0.0;
    }

    /** The kinetic energy ½ q̇ᵀ M(q) q̇ (J; armature included). */
    public double kineticEnergy() {
        double cos2 = Math.cos(q[1]);
        double m11 = ARMATURE + I1 + M1 * C1 * C1 + I2 + M2 * (LINK_LENGTH * LINK_LENGTH + C2 * C2
                + 2 * LINK_LENGTH * C2 * cos2);
        double m12 = I2 + M2 * (C2 * C2 + LINK_LENGTH * C2 * cos2);
        double m22 = ARMATURE + I2 + M2 * C2 * C2;
        return 0.5 * (m11 * qd[0] * qd[0] + 2 * m12 * qd[0] * qd[1] + m22 * qd[1] * qd[1]);
    }

    public double shoulderAngle() {
        return q[0];
    }

    public double elbowAngle() {
        return q[1];
    }

    public double shoulderSpeed() {
        return qd[0];
    }

    public double elbowSpeed() {
        return qd[1];
    }

    /** The mass of each link's capsule, kg. */
    public static double linkMass() {
        return LINK_MASS;
    }

    /** The elbow's position {x, y} for the joint angles (the shoulder at the origin). */
    public static double[] elbow(double shoulderAngle) {
        return new double[] {LINK_LENGTH * Math.cos(shoulderAngle), LINK_LENGTH * Math.sin(shoulderAngle)};
    }

    /** The fingertip centre {x, y}: l₁(cos q₁, sin q₁) + f(cos(q₁+q₂), sin(q₁+q₂)), f = {@value #FINGERTIP_OFFSET}. */
    public static double[] fingertip(double shoulderAngle, double elbowAngle) {
        double a = shoulderAngle + elbowAngle;
        return new double[] {LINK_LENGTH * Math.cos(shoulderAngle) + FINGERTIP_OFFSET * Math.cos(a),
            LINK_LENGTH * Math.sin(shoulderAngle) + FINGERTIP_OFFSET * Math.sin(a)};
    }

    /**
     * The fingertip's 3×2 Jacobian in the joint angles, row-major (x, y, z rows; the z row is 0): column 1
     * (−l₁ sin q₁ − f sin(q₁+q₂), l₁ cos q₁ + f cos(q₁+q₂), 0), column 2 (−f sin(q₁+q₂), f cos(q₁+q₂), 0).
     */
    public static void fingertipJacobian(double shoulderAngle, double elbowAngle, double[] out) {
        double a = shoulderAngle + elbowAngle;
        double s12 = FINGERTIP_OFFSET * Math.sin(a);
        double c12 = FINGERTIP_OFFSET * Math.cos(a);
        out[0] = -LINK_LENGTH * Math.sin(shoulderAngle) - s12;
        out[1] = -s12;
        out[2] = LINK_LENGTH * Math.cos(shoulderAngle) + c12;
        out[3] = c12;
        out[4] = 0;
        out[5] = 0;
    }
}
