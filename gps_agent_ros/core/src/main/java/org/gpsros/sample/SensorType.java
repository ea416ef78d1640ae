package org.gpsros.sample;

/**
 * The kinds of data a sample carries. Numeric values are those of the reference's {@code SampleType}
 * enum ({@code gps.proto}), so recorded data and ROS messages stay comparable with gps_agent_pkg.
 */
public enum SensorType {
    ACTION(0),
    JOINT_ANGLES(1),
    JOINT_VELOCITIES(2),
    END_EFFECTOR_POINTS(3),
    END_EFFECTOR_POINT_VELOCITIES(4),
    END_EFFECTOR_POINT_JACOBIANS(5),
    END_EFFECTOR_POINT_ROT_JACOBIANS(6),
    END_EFFECTOR_POSITIONS(7),
    END_EFFECTOR_ROTATIONS(8),
    END_EFFECTOR_JACOBIANS(9),
    END_EFFECTOR_HESSIANS(10),
    RGB_IMAGE(11),
    DEPTH_IMAGE(12),
    RGB_IMAGE_SIZE(13),
    CONTEXT_IMAGE(14),
    CONTEXT_IMAGE_SIZE(15),
    IMAGE_FEAT(16),
    END_EFFECTOR_POINTS_NO_TARGET(17),
    END_EFFECTOR_POINT_VELOCITIES_NO_TARGET(18),
    NOISE(19);

    private final int id;

    SensorType(int id) {
        this.id = id;
    }

    /** The numeric value used on the wire and in recorded data. */
    public int id() {
        return id;
    }

    public static SensorType ofId(int id) {
        for (SensorType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalArgumentException("no sensor type with id " + id);
    }
}
