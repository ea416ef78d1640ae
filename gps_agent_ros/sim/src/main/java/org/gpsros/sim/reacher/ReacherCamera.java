package org.gpsros.sim.reacher;

import org.gpsros.image.RgbFrame;
import org.gpsros.sim.render.Camera;
import org.gpsros.sim.render.Mesh;
import org.gpsros.sim.render.Renderer;
import org.gpsros.sim.render.Scene;

/**
 * The top-down camera of {@code visual_reacher}: an orthographic view straight down the z axis onto the arena, image up =
 * world +y, image right = world +x, showing [−{@value #VIEW_HALF_SIZE}, {@value #VIEW_HALF_SIZE}]² m (the 0.54 m arena
 * and its walls). Scene: a light grey floor (top at z = 0), grey walls of half-width {@value #WALL_HALF_WIDTH} outside
 * the arena's ±{@value #ARENA_HALF_SIZE} edges, the red square target (half-width {@value #TARGET_HALF_WIDTH}, a thin
 * plate on the floor), and above it the arm: a dark base disc, blue capsule links and the green-cyan fingertip sphere
 * (MuJoCo reacher colours). A workspace: one per thread.
 */
public final class ReacherCamera {

    public static final double VIEW_HALF_SIZE = 0.3;
    public static final double ARENA_HALF_SIZE = 0.27;
    public static final double WALL_HALF_WIDTH = 0.015;
    public static final double TARGET_HALF_WIDTH = 0.02;
    /** Height of the arm's axis above the floor (it passes over the target plate). */
    public static final double ARM_HEIGHT = 0.02;
    public static final int FLOOR_COLOR = 0xe0e0e0;
    public static final int WALL_COLOR = 0x707070;
    public static final int TARGET_COLOR = 0xe02828;
    public static final int LINK_COLOR = 0x0066a0;
    public static final int FINGERTIP_COLOR = 0x00cc99;
    public static final int BASE_COLOR = 0x303030;

    private final Scene scene = new Scene().background(0x000000).light(new double[] {0.2, 0.3, 1.0}, 0.55, 0.45);
    private final Camera camera = Camera.orthographic(new double[] {0, 0, 1}, new double[] {0, 0, 0},
            new double[] {0, 1, 0}, VIEW_HALF_SIZE);
    private final Renderer renderer = new Renderer();
    private final Scene.Item target;
    private final Scene.Item link1;
    private final Scene.Item link2;
    private final Scene.Item fingertip;

    public ReacherCamera() {
        scene.add(Mesh.box(VIEW_HALF_SIZE, VIEW_HALF_SIZE, 0.005), FLOOR_COLOR).placeAt(0, 0, -0.005);
        double wallCenter = ARENA_HALF_SIZE + WALL_HALF_WIDTH;
        double wallLength = ARENA_HALF_SIZE + 2 * WALL_HALF_WIDTH;
        for (int side = -1; side <= 1; side += 2) {
            scene.add(Mesh.box(WALL_HALF_WIDTH, wallLength, 0.01), WALL_COLOR).placeAt(side * wallCenter, 0, 0.01);
            scene.add(Mesh.box(wallLength, WALL_HALF_WIDTH, 0.01), WALL_COLOR).placeAt(0, side * wallCenter, 0.01);
        }
        target = scene.add(Mesh.box(TARGET_HALF_WIDTH, TARGET_HALF_WIDTH, 0.002), TARGET_COLOR);
        scene.add(Mesh.cylinder(0.015, 0.01, 16), BASE_COLOR).placeAt(0, 0, ARM_HEIGHT - 0.01);
        link1 = scene.add(Mesh.capsule(ReacherArm.LINK_RADIUS, ReacherArm.LINK_LENGTH / 2, 12), LINK_COLOR);
        link2 = scene.add(Mesh.capsule(ReacherArm.LINK_RADIUS, ReacherArm.LINK_LENGTH / 2, 12), LINK_COLOR);
        fingertip = scene.add(Mesh.sphere(ReacherArm.FINGERTIP_RADIUS, 12), FINGERTIP_COLOR);
    }

    /**
     * A {@code width}×{@code height} frame of the arm at (q₁, q₂) and the target centred at (x, y) (the view is
     * {@value #VIEW_HALF_SIZE} m above and below the centre, wider for a wide frame).
     */
    public RgbFrame render(double shoulderAngle, double elbowAngle, double targetX, double targetY, int width,
                           int height) {
        target.placeAt(targetX, targetY, 0.002);
        double[] elbow = ReacherArm.elbow(shoulderAngle);
        double a = shoulderAngle + elbowAngle;
        double[] end2 = {elbow[0] + ReacherArm.LINK_LENGTH * Math.cos(a), elbow[1] + ReacherArm.LINK_LENGTH * Math.sin(a),
            ARM_HEIGHT};
        link1.placeAlong(new double[] {0, 0, ARM_HEIGHT}, new double[] {elbow[0], elbow[1], ARM_HEIGHT});
        link2.placeAlong(new double[] {elbow[0], elbow[1], ARM_HEIGHT}, end2);
        double[] tip = ReacherArm.fingertip(shoulderAngle, elbowAngle);
        fingertip.placeAt(tip[0], tip[1], ARM_HEIGHT);
        return renderer.render(scene, camera, width, height);
    }

    /** The camera, for projecting world points to pixels. */
    public Camera camera() {
        return camera;
    }
}
