package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.gpsros.msg.gps_msgs.CommandError;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.ResetConditionRequest;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.gps_msgs.RunConditionRequest;
import org.gpsros.msg.gps_msgs.RunConditionResponse;
import org.gpsros.msg.gps_msgs.TrainingStatus;
import org.gpsros.msg.gps_test_msgs.Arrays;
import org.gpsros.msg.gps_test_msgs.Nested;
import org.gpsros.msg.gps_test_msgs.Nothing;
import org.gpsros.msg.gps_test_msgs.PathRequest;
import org.gpsros.msg.gps_test_msgs.PathResponse;
import org.gpsros.msg.gps_test_msgs.Point3;
import org.gpsros.msg.gps_test_msgs.Primitives;
import org.gpsros.msg.gps_test_msgs.Reserved;
import org.gpsros.msg.runtime.Duration;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.Time;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.msg.sensor_msgs.JointState;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.msg.std_msgs.Float64MultiArray;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.msg.std_msgs.MultiArrayDimension;
import org.gpsros.msg.std_msgs.MultiArrayLayout;
import org.gpsros.msg.std_srvs.TriggerResponse;
import org.junit.jupiter.api.Test;

/**
 * Our encoding equals python3-genpy's for our new types, the standard types and the test types that use every
 * builtin type. The bytes in src/test/resources/genmsg/genpy-vectors.txt were serialised by genpy (run by
 * gps_msgs/tools/genmsg_expectations.py) from the same values as built here.
 */
class GenpyVectorTest {
    private static final Map<String, String> VECTORS = TestData.table("genmsg/genpy-vectors.txt");

    private static <T extends Message> void assertBothWays(String vector, MessageType<T> type, T value) {
        String expected = VECTORS.get(vector);
        assertEquals(expected, TestData.hex(type.serialize(value)), vector + " encoding");
        assertEquals(value, type.deserialize(TestData.hex(expected)), vector + " decoding");
    }

    static Primitives primitives() {
        return new Primitives(true, (byte) -5, (byte) 250, (byte) -128, (byte) 200, (short) -30000, (short) 65000,
                -2000000000, (int) 4000000000L, -(1L << 62), -1L, 1.25f, -3.5e100, "prim",
                new Time((int) 4000000000L, 999999999), new Duration(-5, 500));
    }

    @Test
    void gpsMessagesOfOurOwn() {
        assertBothWays("TrainingStatus", TrainingStatus.TYPE, new TrainingStatus(
                new Header(3, new Time(1700000000, 250), "learner"), 2, TrainingStatus.PHASE_TRAJECTORY_OPTIMIZATION,
                new double[] {1.5, -2.25}, new double[] {0.2, 0.4}, new double[] {1e-3, 12.5}, new double[0]));
        assertBothWays("NetworkPolicy", NetworkPolicy.TYPE, NetworkPolicy.builder().id(17).iteration(4)
                .network_format("mlp").network(new byte[] {0, 1, 2, (byte) 255, (byte) 128})
                .observation_dim(3).action_dim(2).horizon(2).obs_datatypes(new byte[] {1, 2, 3}).normalized_dim(2)
                .obs_scale(new double[] {1, 0, 0, 2}).obs_bias(new double[] {0.5, -0.5})
                .noise(new double[] {0.1, 0.2, 0.3, 0.4}).build());
        assertBothWays("CommandError", CommandError.TYPE, new CommandError(9, "TrialCommand",
                "NetworkPolicy id 9: no network type 'cnn'"));
        assertBothWays("RunConditionRequest", RunConditionRequest.TYPE, new RunConditionRequest(1, 5, true, false));
        assertBothWays("RunConditionResponse", RunConditionResponse.TYPE,
                new RunConditionResponse(true, "took 5 samples", new double[] {10.0, 11.5}));
        assertBothWays("ResetConditionRequest", ResetConditionRequest.TYPE, new ResetConditionRequest(3));
        assertBothWays("ResetConditionResponse", ResetConditionResponse.TYPE, new ResetConditionResponse(true, "ok"));
    }

    @Test
    void standardMessages() {
        byte[] pixels = new byte[18];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        assertBothWays("Image", Image.TYPE, new Image(new Header(1, new Time(5, 6), "camera"), 2, 3, "rgb8",
                (byte) 0, 9, pixels));
        assertBothWays("JointState", JointState.TYPE, new JointState(Header.TYPE.defaultValue(),
                List.of("shoulder", "elbow"), new double[] {0.1, -0.2}, new double[0], new double[] {1.0, 2.0}));
        assertBothWays("Float64MultiArray", Float64MultiArray.TYPE, new Float64MultiArray(
                new MultiArrayLayout(List.of(new MultiArrayDimension("rows", 2, 6),
                        new MultiArrayDimension("cols", 3, 3)), 0), new double[] {1, 2, 3, 4, 5, 6}));
        assertBothWays("String", org.gpsros.msg.std_msgs.String.TYPE,
                new org.gpsros.msg.std_msgs.String("h\u00e9llo \u2713 \uD83D\uDE00"));
        assertBothWays("Float64", Float64.TYPE, new Float64(3.25));
        assertBothWays("TriggerResponse", TriggerResponse.TYPE, new TriggerResponse(false, "not ready"));
    }

    @Test
    void everyBuiltinType() {
        Primitives prim = primitives();
        assertBothWays("Primitives", Primitives.TYPE, prim);
        Arrays arrays = Arrays.builder()
                .b(new boolean[] {true, false, true}).i8(new byte[] {-1, 2}).u8(new byte[] {0, (byte) 255})
                .ch(new byte[] {65, 66}).i16(new short[] {-2, 3}).u16(new short[] {(short) 65535})
                .i32(new int[] {-7}).u32(new int[] {-1, 1}).i64(new long[] {Long.MIN_VALUE})
                .u64(new long[] {Long.MIN_VALUE}).f32(new float[] {0.5f, -0.25f}).f64(new double[] {1e-300})
                .s(List.of("a", "", "xyz")).t(List.of(new Time(1, 2)))
                .d(List.of(new Duration(-1, 999999999), new Duration(3, 4)))
                .fb(new boolean[] {false, true}).fi8(new byte[] {1, -2, 3}).fu8(new byte[] {9, 8, 7, (byte) 200})
                .fi16(new short[] {-300}).fu16(new short[] {1, (short) 65534}).fi32(new int[] {5, -6})
                .fu32(new int[] {(int) 3000000000L}).fi64(new long[] {7, -8}).fu64(new long[] {-2})
                .ff32(new float[] {1.5f, 2.5f}).ff64(new double[] {0.1, 0.2, 0.3}).fs(List.of("p", "q"))
                .ft(List.of(new Time(9, 10))).fd(List.of(new Duration(11, 12), new Duration(-13, 14)))
                .empty_fixed(new double[0]).build();
        assertBothWays("Arrays", Arrays.TYPE, arrays);
        Primitives zero = Primitives.TYPE.defaultValue();
        Nested nested = new Nested(new Header(7, new Time(8, 9), "base"), prim, List.of(prim, zero),
                List.of(zero, prim), new Float64(-1.0), List.of(new Point3(1, 2, 3)),
                List.of(new Point3(4, 5, 6), new Point3(7, 8, 9)), new Nothing(), List.of(new Nothing(), new Nothing()),
                Collections.nCopies(3, new Nothing()), Arrays.TYPE.defaultValue());
        assertBothWays("Nested", Nested.TYPE, nested);
        assertBothWays("Reserved", Reserved.TYPE, new Reserved(1, 2, "three", 4, 5, 6, 7, 8, 9.5, -9.5));
        assertBothWays("PathRequest", PathRequest.TYPE, new PathRequest(new Point3(0, 0, 0), new Point3(1, 1, 1)));
        assertBothWays("PathResponse", PathResponse.TYPE, new PathResponse(
                List.of(new Point3(0, 0, 0), new Point3(0.5, 0.5, 0.5), new Point3(1, 1, 1)), "straight"));
    }
}
