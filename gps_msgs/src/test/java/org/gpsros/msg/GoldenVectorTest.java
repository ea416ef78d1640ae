package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gpsros.msg.gps_msgs.CaffeParams;
import org.gpsros.msg.gps_msgs.ControllerParams;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.RelaxCommand;
import org.gpsros.msg.gps_msgs.ResetConditionRequest;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TfParams;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.Time;
import org.junit.jupiter.api.Test;

/**
 * Serialised bytes equal the golden vectors of shared/reference/gps_msgs-golden-vectors.txt (captured from genpy /
 * rostopic and a roscpp peer), both ways: our encoding gives those bytes and decoding them gives the values.
 */
class GoldenVectorTest {
    private static final Map<String, byte[]> VECTORS = vectors();

    private static Map<String, byte[]> vectors() {
        Map<String, byte[]> out = new HashMap<>();
        for (String line : TestData.requireResource("reference/gps_msgs-golden-vectors.txt").split("\n")) {
            int colon = line.indexOf(" bytes: ");
            if (colon < 0) {
                continue;
            }
            String name = line.split("[ {]", 2)[0];
            byte[] bytes = TestData.hex(line.substring(colon + " bytes: ".length()).strip());
            int declared = Integer.parseInt(line.substring(0, colon).substring(line.substring(0, colon)
                    .lastIndexOf(' ') + 1));
            assertEquals(declared, bytes.length, name);
            out.put(name, bytes);
        }
        assertEquals(6, out.size());
        return out;
    }

    private static <T extends Message> void assertBothWays(String vector, MessageType<T> type, T value) {
        byte[] expected = VECTORS.get(vector);
        assertEquals(TestData.hex(expected), TestData.hex(type.serialize(value)), vector + " encoding");
        assertEquals(expected.length, type.serializedSize(value));
        assertEquals(value, type.deserialize(expected), vector + " decoding");
    }

    @Test
    void trialCommand() {
        TrialCommand command = new TrialCommand(7,
                new ControllerParams((byte) 1,
                        new CaffeParams("abc", new float[] {1.5f}, new float[0], new float[0], -3, 0),
                        new LinGaussParams(2, 1, new double[] {0.1, 0.2}, new double[] {0.5}),
                        new TfParams(4)),
                100, 20.0, new byte[] {1, -2}, new byte[] {3}, new double[] {0.0, 0.1, 0.2},
                new double[] {1.0, 1.1, 1.2});
        assertBothWays("TrialCommand", TrialCommand.TYPE, command);
    }

    @Test
    void sampleResult() {
        SampleResult result = new SampleResult(42, List.of(
                new DataType((byte) 3, new double[] {0.5, -1.25}, new int[] {2}),
                new DataType((byte) -7, new double[0], new int[] {0, 1})));
        assertBothWays("SampleResult", SampleResult.TYPE, result);
    }

    @Test
    void smallCommands() {
        assertBothWays("RelaxCommand", RelaxCommand.TYPE, new RelaxCommand(new Time(1700000000, 500), 3, 1));
        assertBothWays("PositionCommand", PositionCommand.TYPE,
                new PositionCommand(1, (byte) 2, (byte) 0, new double[] {1.0}, new double[0]));
        assertBothWays("ResetConditionRequest", ResetConditionRequest.TYPE, new ResetConditionRequest(3));
        assertBothWays("ResetConditionResponse", ResetConditionResponse.TYPE, new ResetConditionResponse(true, "ok"));
    }
}
