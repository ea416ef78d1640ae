package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.ResetCondition;
import org.gpsros.msg.gps_msgs.ResetConditionRequest;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.gps_msgs.TrainingStatus;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.gps_test_msgs.Arrays;
import org.gpsros.msg.gps_test_msgs.Constants;
import org.gpsros.msg.gps_test_msgs.Reserved;
import org.gpsros.msg.runtime.Duration;
import org.gpsros.msg.runtime.MessageField;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.msg.runtime.Time;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.msg.sensor_msgs.JointState;
import org.gpsros.msg.std_msgs.Header;
import org.junit.jupiter.api.Test;

/** The generated Java API: defaults, builders, value equality, validation, constants, names, descriptors. */
class MessageApiTest {

    @Test
    void defaultsAndBuilders() {
        TrialCommand zero = TrialCommand.TYPE.defaultValue();
        assertEquals(zero, TrialCommand.builder().build());
        assertEquals(0, zero.id());
        assertEquals(0, zero.ee_points().length);
        assertEquals(0, zero.controller().lingauss().K_t().length);
        assertEquals("", zero.controller().caffe().net_param());
        TrialCommand command = zero.toBuilder().id(3).T(100).frequency(20.0).build();
        assertEquals(3, command.id());
        assertEquals(100, command.T());
        assertEquals(zero.controller(), command.controller());
        Arrays arrays = Arrays.TYPE.defaultValue();
        assertEquals(3, arrays.fi8().length);
        assertEquals(List.of("", ""), arrays.fs());
        assertEquals(List.of(Duration.ZERO, Duration.ZERO), arrays.fd());
        assertEquals(0, arrays.empty_fixed().length);
    }

    @Test
    void valueEqualityComparesArrayContents() {
        LinGaussParams a = new LinGaussParams(2, 1, new double[] {0.1, Double.NaN}, new double[] {0.5});
        LinGaussParams b = new LinGaussParams(2, 1, new double[] {0.1, Double.NaN}, new double[] {0.5});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new LinGaussParams(2, 1, new double[] {0.1, Double.NaN}, new double[] {-0.5}));
        assertNotEquals(new LinGaussParams(0, 0, new double[] {0.0}, new double[0]),
                new LinGaussParams(0, 0, new double[] {-0.0}, new double[0]));
        assertNotEquals(new ResetConditionRequest(1), new ResetConditionResponse(true, ""));
    }

    @Test
    void constructorsRejectNullsAndWrongFixedLengthsNamingTheField() {
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> new DataType((byte) 0, null, new int[0]));
        assertEquals("gps_msgs/DataType.data must not be null", npe.getMessage());
        List<String> names = new ArrayList<>(List.of("a"));
        names.add(null);
        npe = assertThrows(NullPointerException.class, () -> JointState.builder().name(names).build());
        assertEquals("sensor_msgs/JointState.name[1] must not be null", npe.getMessage());
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
                () -> Arrays.TYPE.defaultValue().toBuilder().ff64(new double[2]).build());
        assertEquals("gps_test_msgs/Arrays.ff64 must have exactly 3 elements, got 2", iae.getMessage());
        iae = assertThrows(IllegalArgumentException.class,
                () -> Arrays.TYPE.defaultValue().toBuilder().fs(List.of("only one")).build());
        assertEquals("gps_test_msgs/Arrays.fs must have exactly 2 elements, got 1", iae.getMessage());
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        JointState state = JointState.builder().name(names).build();
        names.add("c");
        assertEquals(List.of("a", "b"), state.name());
        assertThrows(UnsupportedOperationException.class, () -> state.name().add("d"));
    }

    @Test
    void unpairedSurrogateCannotBeSerialised() {
        Header header = new Header(0, Time.ZERO, "bad \uD800 frame");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Header.TYPE.serialize(header));
        assertEquals("std_msgs/Header.frame_id: the string has an unpaired surrogate at index 4 and cannot be encoded"
                + " as UTF-8", e.getMessage());
    }

    @Test
    void constantsKeepTheirRosValues() {
        assertEquals((byte) -128, Constants.I8_MIN);
        assertEquals((byte) 255, Constants.U8_MAX);
        assertEquals(65, Constants.C);
        assertEquals((short) 65535, Constants.U16_MAX);
        assertEquals(Integer.MIN_VALUE, Constants.I32_MIN);
        assertEquals(4294967295L, Integer.toUnsignedLong(Constants.U32_MAX));
        assertEquals("18446744073709551615", Long.toUnsignedString(Constants.U64_MAX));
        assertEquals(1.5f, Constants.F32);
        assertEquals(-2.25e-3, Constants.F64);
        assertEquals(1e300, Constants.F64_BIG);
        assertTrue(Constants.FLAG);
        assertEquals(false, Constants.OFF);
        assertEquals("hello # not a comment \"quoted\" \\ backslash", Constants.GREETING);
        assertEquals("", Constants.EMPTY);
        assertEquals(7, Constants.value);
        assertEquals("done", TrainingStatus.PHASE_DONE);
        assertEquals("sampling", TrainingStatus.PHASE_SAMPLING);
    }

    @Test
    void rosNamesThatClashWithJavaGetAnUnderscore() {
        Reserved r = new Reserved(1, 2, "three", 4, 5, 6, 7, 8, 9.5, -9.5);
        assertEquals(1, r.class_());
        assertEquals("three", r.toString_());
        assertEquals(9.5, r.K_t());
        assertEquals(-9.5, r.k_t());
        assertEquals(1, Reserved.TYPE_);
        MessageField first = Reserved.TYPE.fields().get(0);
        assertEquals(new MessageField("class", "int32", "class_"), first);
        assertTrue(r.toString().contains("class=1"), r.toString());
    }

    @Test
    void toStringIsReadableAndShowsUnsignedValues() {
        Image image = Image.builder().height((int) 4_000_000_000L).encoding("rgb8").is_bigendian((byte) 200)
                .data(new byte[100]).build();
        String text = image.toString();
        assertTrue(text.startsWith("sensor_msgs/Image{header=std_msgs/Header{seq=0, stamp=0.000000000,"
                + " frame_id=\"\"}, height=4000000000, width=0, encoding=\"rgb8\", is_bigendian=200,"), text);
        assertTrue(text.contains("... (100 elements)]"), text);
    }

    @Test
    void descriptorsAndCatalog() {
        assertEquals("gps_msgs/TrialCommand", TrialCommand.TYPE.name());
        assertSame(TrialCommand.class, TrialCommand.TYPE.javaClass());
        assertSame(TrialCommand.TYPE, TrialCommand.TYPE.defaultValue().messageType());
        assertEquals(List.of("id", "controller", "T", "frequency", "state_datatypes", "obs_datatypes", "ee_points",
                "ee_points_tgt"), TrialCommand.TYPE.fields().stream().map(MessageField::name).toList());
        assertEquals("gps_msgs/ControllerParams", TrialCommand.TYPE.fields().get(1).type());
        assertEquals(-1, TrialCommand.TYPE.fields().get(6).fixedLength());
        assertEquals(3, Arrays.TYPE.fields().stream().filter(f -> f.name().equals("fi8")).findFirst().orElseThrow()
                .fixedLength());
        ServiceType<ResetConditionRequest, ResetConditionResponse> reset = ResetCondition.TYPE;
        assertSame(ResetConditionRequest.TYPE, reset.request());
        assertSame(ResetConditionResponse.TYPE, reset.response());
        assertSame(TrialCommand.TYPE, MessageCatalog.messageType("gps_msgs/TrialCommand").orElseThrow());
        assertSame(reset, MessageCatalog.serviceType("gps_msgs/ResetCondition").orElseThrow());
        assertTrue(MessageCatalog.messageType("gps_msgs/Nope").isEmpty());
        assertEquals(29, MessageCatalog.messageTypes().size());
        assertEquals(4, MessageCatalog.serviceTypes().size());
    }

    @Test
    void serialiseIntoABufferAtItsPosition() {
        ResetConditionResponse response = new ResetConditionResponse(true, "ok");
        ByteBuffer buffer = ByteBuffer.allocate(10).position(2);
        ResetConditionResponse.TYPE.serialize(response, buffer);
        assertEquals(9, buffer.position());
        assertArrayEquals(TestData.hex("000001020000006f6b00"), buffer.array());
        ByteBuffer small = ByteBuffer.allocate(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResetConditionResponse.TYPE.serialize(response, small));
        assertEquals("gps_msgs/ResetConditionResponse: message needs 7 bytes but the buffer has 6", e.getMessage());
    }

    @Test
    void timeAndDuration() {
        Time t = Time.fromNanos(4_000_000_000_123_456_789L);
        assertEquals(4_000_000_000L, t.secondsUnsigned());
        assertEquals(123_456_789, t.nsecs());
        assertEquals(4_000_000_000_123_456_789L, t.toNanos());
        assertEquals("4000000000.123456789", t.toString());
        assertTrue(t.compareTo(new Time(1, 0)) > 0);
        assertThrows(IllegalArgumentException.class, () -> Time.fromNanos(-1));
        Duration d = Duration.fromNanos(-1_500_000_000L);
        assertEquals(new Duration(-2, 500_000_000), d);
        assertEquals(-1_500_000_000L, d.toNanos());
        assertTrue(d.compareTo(Duration.ZERO) < 0);
    }
}
