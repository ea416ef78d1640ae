package org.gpsros.sim;

import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.sim.bullet.ArmKinematics;
import org.gpsros.sim.bullet.ArmModel;
import org.gpsros.sim.bullet.PegCamera;
import org.gpsros.sim.bullet.PegWorld;

/**
 * {@code visual_peg} (TASKS.md §7): {@code peg_insertion} (state, conditions, cost target and success exactly as
 * {@link PegInsertionTask}) whose global policy sees the joint state, the peg's ends in the world frame and the image of
 * the fixed {@link PegCamera}, never the hole position: the simulated counterpart of the shape-sorting-cube task of
 * Levine et al. 2016. Conditions 0–3 train, 4–12 are held-out hole positions; task option {@code distractor} adds a box
 * to the camera's view (the paper's Figure 9 test); {@code image_size} sets the frame size (default 64);
 * {@code target_observed} gives the policy the state instead of the image (peg_insertion's observation: the baseline).
 */
public final class VisualPegTask extends PegInsertionTask implements PoseImageSource {

    /** {@link SplitMix64#derive} purpose of the pose-pretraining stream. */
    private static final long POSE_PURPOSE = 0x7669737065674c4cL;
    /** Pose examples perturb each start joint angle by up to this much (radians), within the joint's limits. */
    public static final double POSE_JOINT_SPREAD = 0.3;

    VisualPegTask(SimTaskOptions options) {
        super(VISUAL_PEG, options, PegWorld.DEFAULT_SUBSTEPS);
    }

    /** 3: the hole's bottom, world frame. */
    @Override
    public int poseDim() {
        return 3;
    }

    /**
     * The hole at an offset uniform in the training square (±{@value PegInsertionTask#OFFSET_RANGE} in x and y, as the
     * test conditions), the arm at the start angles each moved uniformly by up to ±{@value #POSE_JOINT_SPREAD} rad
     * (clamped to the joint limits); pose = the hole's bottom (0, 0.3, −0.5) + offset, the point the peg's bottom must
     * reach. The distractor shows if the task has it. Stream {@code SplitMix64.derive(seed, purpose, index)}.
     */
    @Override
    public PoseExample poseExample(long seed, int index, int size) {
        VisualReacherTask.checkImageSize(size);
        if (index < 0) {
            throw new IllegalArgumentException("index must be non-negative, got " + index);
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, POSE_PURPOSE, index));
        double r = OFFSET_RANGE;
        double[] offset = {-r + 2 * r * random.nextUniform(), -r + 2 * r * random.nextUniform(), 0};
        double[] angles = initialJointAngles();
        for (int j = 0; j < angles.length; j++) {
            double q = angles[j] + POSE_JOINT_SPREAD * (2 * random.nextUniform() - 1);
            angles[j] = Math.max(ArmModel.lowerLimit(j), Math.min(ArmModel.upperLimit(j), q));
        }
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        kinematics.update(angles);
        RgbFrame frame = new PegCamera(offset, distractor()).render(kinematics, size, size);
        return new PoseExample(frame, holeBottom(offset));
    }
}
