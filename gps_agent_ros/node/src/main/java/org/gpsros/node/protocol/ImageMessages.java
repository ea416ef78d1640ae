package org.gpsros.node.protocol;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.ImageDecoder;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.runtime.Time;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * Camera frames on ROS topics (Levine et al. 2016, §5; reference study §6): {@link RgbFrame}s to and from
 * {@code sensor_msgs/Image}, the observation's image size, and the per-step times a robot may report beside its
 * sensor data so that the learner can line camera frames up with the control steps.
 *
 * <p>Step times travel in a SampleResult as one extra {@code gps_msgs/DataType} with data_type
 * {@value #STEP_TIMES_ID} (no SampleType of gps.proto uses it, so gps_agent_pkg-style learners skip it as an unknown
 * type): shape [T, 2], per step the ROS time's secs and nsecs of the moment the step's state was read, exactly the
 * header.stamp of the camera frame the simulated robot rendered of that state.
 */
public final class ImageMessages {

    /** DataType.data_type of the per-step times (outside gps.proto's SampleType values 0–19). */
    public static final byte STEP_TIMES_ID = 100;

    /** The camera frame id the simulated robot stamps its frames with. */
    public static final String CAMERA_FRAME = "gps_camera";

    private ImageMessages() {
    }

    /** A {@code sensor_msgs/Image} of the frame: encoding rgb8, step 3·width, no padding. */
    public static Image toMessage(RgbFrame frame, Header header) {
        return new Image(header, frame.height(), frame.width(), "rgb8", (byte) 0, 3 * frame.width(), frame.rgb());
    }

    /**
     * The frame a {@code sensor_msgs/Image} holds, decoded by {@link ImageDecoder} (rgb8, bgr8, mono, Bayer, UYVY, ...).
     *
     * @throws IllegalArgumentException naming what is wrong with a malformed or unsupported image
     */
    public static RgbFrame toFrame(Image image) {
        return ImageDecoder.decode(image.encoding(), image.width(), image.height(), image.step(),
                image.is_bigendian() != 0, image.data());
    }

    /**
     * The side of the square image in an observation layout's RGB_IMAGE (3·s·s values), or 0 if it has none.
     *
     * @throws IllegalArgumentException if RGB_IMAGE is not 3·s² values
     */
    public static int imageSize(SensorLayout observationLayout) {
        if (!observationLayout.contains(SensorType.RGB_IMAGE)) {
            return 0;
        }
        int dim = observationLayout.dimensionOf(SensorType.RGB_IMAGE);
        int side = (int) Math.round(Math.sqrt(dim / 3.0));
        if (3 * side * side != dim) {
            throw new IllegalArgumentException("RGB_IMAGE has " + dim + " values, not 3·s·s of a square image");
        }
        return side;
    }

    /** The DataType entry of {@code steps} step times. */
    public static DataType stepTimes(Time[] times, int steps) {
        double[] data = new double[2 * steps];
        for (int t = 0; t < steps; t++) {
            data[2 * t] = times[t].secs() & 0xffffffffL;
            data[2 * t + 1] = times[t].nsecs();
        }
        return new DataType(STEP_TIMES_ID, data, new int[] {steps, 2});
    }

    /** The result with the step times appended to its sensor data. */
    public static SampleResult withStepTimes(SampleResult result, Time[] times, int steps) {
        List<DataType> entries = new ArrayList<>(result.sensor_data());
        entries.add(stepTimes(times, steps));
        return new SampleResult(result.id(), entries);
    }

    /** The step times a SampleResult reports, or null if it has none. */
    public static Time[] stepTimes(SampleResult result) {
        for (DataType entry : result.sensor_data()) {
            if (entry.data_type() == STEP_TIMES_ID) {
                int[] shape = entry.shape();
                if (shape.length != 2 || shape[1] != 2 || entry.data().length != 2L * shape[0]) {
                    throw new RobotProtocolException("SampleResult id " + result.id() + ": the step times have shape "
                            + java.util.Arrays.toString(shape) + " and " + entry.data().length + " values, expected [T, 2]");
                }
                Time[] times = new Time[shape[0]];
                for (int t = 0; t < times.length; t++) {
                    times[t] = new Time((int) (long) entry.data()[2 * t], (int) entry.data()[2 * t + 1]);
                }
                return times;
            }
        }
        return null;
    }
}
