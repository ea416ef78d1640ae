package org.gpsros.sim.bullet;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.RgbFrame;
import org.gpsros.sim.render.Camera;
import org.gpsros.sim.render.Mesh;
import org.gpsros.sim.render.Renderer;
import org.gpsros.sim.render.Scene;

/**
 * The fixed camera of {@code visual_peg} (TASKS.md §7): a pinhole camera at {@link #EYE} looking at {@link #LOOK_AT}
 * with a vertical field of view of {@value #FIELD_OF_VIEW_DEGREES}°, from the side of and above the table, so the
 * hole area (every hole offset), the peg and the forearm are in view. Scene, in {@link PegWorld}'s geometry: the table
 * slab with its opening, the hole's four walls and floor, an orange square rim on the table around the opening (the
 * "hole block" the policy must locate), the arm's link capsules ({@link ArmModel}) and the yellow peg; with
 * {@code distractor}, also a blue box standing on the table at {@link #DISTRACTOR_POSITION}, drawn only (it does not
 * collide: it stands away from every hole position and from the arm's path). A workspace: one per thread.
 */
public final class PegCamera {

    public static final double[] EYE = {0.9, 0.7, 0.35};
    public static final double[] LOOK_AT = {0.1, 0.3, -0.33};
    public static final double FIELD_OF_VIEW_DEGREES = 42;
    /** Where the distractor box's base centre stands on the table (nominal table height, x and y in metres). */
    public static final double[] DISTRACTOR_POSITION = {0.25, 0.55, PegWorld.TABLE_TOP};
    public static final double DISTRACTOR_HALF_SIZE = 0.04;
    /** Outer half-width of the hole's rim on the table. */
    public static final double RIM_HALF_WIDTH = 0.075;
    public static final int BACKGROUND_COLOR = 0x9db2c6;
    public static final int TABLE_COLOR = 0xc8a878;
    public static final int RIM_COLOR = 0xe06018;
    public static final int HOLE_COLOR = 0x402820;
    public static final int ARM_COLOR = 0x7a8896;
    public static final int PEG_COLOR = 0xf0d020;
    public static final int DISTRACTOR_COLOR = 0x2050d0;

    private static final double[] HOLE_CENTER = PegWorld.holeCenter();

    private final Scene scene = new Scene().background(BACKGROUND_COLOR).light(new double[] {0.4, 0.5, 1.0}, 0.5, 0.5);
    private final Camera camera = Camera.lookAt(EYE, LOOK_AT, new double[] {0, 0, 1}, FIELD_OF_VIEW_DEGREES);
    private final Renderer renderer = new Renderer();
    private final List<Scene.Item> capsuleItems = new ArrayList<>();
    private final List<double[]> capsuleEnds = new ArrayList<>();
    private final int[] capsuleJoint;
    private final Scene.Item peg;
    private final double[] pivot = new double[3];
    private final double[] rotation = new double[9];
    private final double[] a = new double[3];
    private final double[] b = new double[3];
    private final double[] ends = new double[6];

    /**
     * The scene with the hole moved by {@code holeOffset} (3 values, metres) and, if {@code distractor}, the extra box.
     */
    public PegCamera(double[] holeOffset, boolean distractor) {
        double cx = HOLE_CENTER[0] + holeOffset[0];
        double cy = HOLE_CENTER[1] + holeOffset[1];
        double cz = HOLE_CENTER[2] + holeOffset[2];
        double tableTop = PegWorld.TABLE_TOP + holeOffset[2];
        // Table slab around the opening (as PegWorld's four boxes), 0.02 thick.
        double outer = PegWorld.TABLE_HALF_SIZE;
        double inner = PegWorld.TABLE_OPENING;
        double sideHalf = (outer - inner) / 2;
        for (int side = -1; side <= 1; side += 2) {
            scene.add(Mesh.box(sideHalf, outer, 0.01), TABLE_COLOR).placeAt(cx + side * (inner + sideHalf), cy,
                    tableTop - 0.01);
            scene.add(Mesh.box(inner, sideHalf, 0.01), TABLE_COLOR).placeAt(cx, cy + side * (inner + sideHalf),
                    tableTop - 0.01);
        }
        // The rim: a square ring 2 mm high from the opening's edge to RIM_HALF_WIDTH.
        double rimHalf = (RIM_HALF_WIDTH - inner) / 2;
        for (int side = -1; side <= 1; side += 2) {
            scene.add(Mesh.box(rimHalf, RIM_HALF_WIDTH, 0.001), RIM_COLOR).placeAt(cx + side * (inner + rimHalf), cy,
                    tableTop + 0.001);
            scene.add(Mesh.box(inner, rimHalf, 0.001), RIM_COLOR).placeAt(cx, cy + side * (inner + rimHalf),
                    tableTop + 0.001);
        }
        // The hole's tilted walls and its floor, dark.
        double wallCenter = PegWorld.HOLE_HALF_WIDTH + PegWorld.WALL_HALF_THICKNESS;
        double wallLength = PegWorld.HOLE_HALF_WIDTH + 2 * PegWorld.WALL_HALF_THICKNESS + 0.01;
        for (int side = -1; side <= 1; side += 2) {
            scene.add(Mesh.box(PegWorld.WALL_HALF_THICKNESS, wallLength, PegWorld.WALL_HALF_HEIGHT), HOLE_COLOR)
                    .place(ArmKinematics.axisRotation(1, side * PegWorld.WALL_TILT),
                            new double[] {cx + side * wallCenter, cy, cz});
            scene.add(Mesh.box(wallLength, PegWorld.WALL_HALF_THICKNESS, PegWorld.WALL_HALF_HEIGHT), HOLE_COLOR)
                    .place(ArmKinematics.axisRotation(0, -side * PegWorld.WALL_TILT),
                            new double[] {cx, cy + side * wallCenter, cz});
        }
        scene.add(Mesh.box(wallLength, wallLength, 0.01), HOLE_COLOR).placeAt(cx, cy,
                PegWorld.FLOOR_TOP + holeOffset[2] - 0.01);
        if (distractor) {
            double h = DISTRACTOR_HALF_SIZE;
            scene.add(Mesh.box(h, h, h), DISTRACTOR_COLOR).placeAt(DISTRACTOR_POSITION[0], DISTRACTOR_POSITION[1],
                    DISTRACTOR_POSITION[2] + h);
        }
        List<Integer> joints = new ArrayList<>();
        for (int j = 0; j < ArmModel.JOINTS; j++) {
            for (ArmModel.Capsule capsule : ArmModel.capsules(j)) {
                double length = distance(capsule.a(), capsule.b());
                capsuleItems.add(scene.add(Mesh.capsule(capsule.radius(), length / 2, 12), ARM_COLOR));
                capsuleEnds.add(new double[] {capsule.a()[0], capsule.a()[1], capsule.a()[2], capsule.b()[0],
                    capsule.b()[1], capsule.b()[2]});
                joints.add(j);
            }
        }
        capsuleJoint = joints.stream().mapToInt(Integer::intValue).toArray();
        peg = scene.add(Mesh.cylinder(ArmModel.PEG_RADIUS, ArmModel.PEG_HALF_LENGTH, 16), PEG_COLOR);
    }

    private static double distance(double[] p, double[] q) {
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    /** A {@code width}×{@code height} frame of the arm posed as {@code kinematics} (already updated) holds it. */
    public RgbFrame render(ArmKinematics kinematics, int width, int height) {
        for (int i = 0; i < capsuleItems.size(); i++) {
            int j = capsuleJoint[i];
            kinematics.pivot(j, pivot);
            kinematics.rotation(j, rotation);
            double[] ab = capsuleEnds.get(i);
            toWorld(ab, 0, a);
            toWorld(ab, 3, b);
            capsuleItems.get(i).placeAlong(a, b);
        }
        kinematics.pegEnds(ends);
        peg.placeAlong(new double[] {ends[0], ends[1], ends[2]}, new double[] {ends[3], ends[4], ends[5]});
        return renderer.render(scene, camera, width, height);
    }

    private void toWorld(double[] local, int offset, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = pivot[i] + rotation[3 * i] * local[offset] + rotation[3 * i + 1] * local[offset + 1]
                    + rotation[3 * i + 2] * local[offset + 2];
        }
    }

    /** The camera, for projecting world points to pixels. */
    public Camera camera() {
        return camera;
    }
}
