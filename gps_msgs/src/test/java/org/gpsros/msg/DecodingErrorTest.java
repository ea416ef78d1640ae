package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.gpsros.msg.gps_msgs.CaffeParams;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.gps_test_msgs.Nested;
import org.gpsros.msg.gps_test_msgs.Nothing;
import org.gpsros.msg.runtime.DecodeLimits;
import org.gpsros.msg.runtime.MessageDecodingException;
import org.gpsros.msg.runtime.MessageDecodingException.Kind;
import org.gpsros.msg.sensor_msgs.JointState;
import org.gpsros.msg.std_msgs.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Truncated, oversized and malformed input give a clear error naming the message type and the field. */
class DecodingErrorTest {
    /** TrialCommand golden vector: id 7, caffe.net_param length at bytes 5..8, "abc" at 9..11, ... (159 bytes). */
    private static final byte[] TRIAL = TestData.hex("070000000103000000616263010000000000c03f0000000000000000fdfffff"
            + "f000000000200000001000000020000009a9999999999b93f9a9999999999c93f01000000000000000000e03f040000006400000"
            + "000000000000034400200000001fe01000000030300000000000000000000009a9999999999b93f9a9999999999c93f030000000"
            + "00000000000f03f9a9999999999f13f333333333333f33f");

    private static MessageDecodingException fails(Kind kind, Executable decode) {
        MessageDecodingException e = assertThrows(MessageDecodingException.class, decode);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void everyTruncationOfTheTrialCommandNamesTheField() {
        for (int cut = 0; cut < TRIAL.length; cut++) {
            byte[] prefix = Arrays.copyOf(TRIAL, cut);
            MessageDecodingException e = fails(Kind.TRUNCATED, () -> TrialCommand.TYPE.deserialize(prefix));
            assertEquals("gps_msgs/TrialCommand", e.messageType());
            assertTrue(e.getMessage().startsWith("cannot decode gps_msgs/TrialCommand field " + e.fieldPath()),
                    e.getMessage());
        }
        MessageDecodingException e = fails(Kind.TRUNCATED,
                () -> TrialCommand.TYPE.deserialize(Arrays.copyOf(TRIAL, 10)));
        assertEquals("controller.caffe.net_param", e.fieldPath());
        assertEquals("cannot decode gps_msgs/TrialCommand field controller.caffe.net_param (string): declares 3"
                + " bytes but only 1 remain (truncated input)", e.getMessage());
        e = fails(Kind.TRUNCATED, () -> TrialCommand.TYPE.deserialize(Arrays.copyOf(TRIAL, 2)));
        assertEquals("id", e.fieldPath());
        assertEquals("cannot decode gps_msgs/TrialCommand field id (int32/uint32): needs 4 bytes but only 2 remain"
                + " (truncated input)", e.getMessage());
    }

    @Test
    void lengthPrefixOverTheRemainingBytes() {
        byte[] bytes = SampleResult.TYPE.serialize(new SampleResult(1, List.of(DataType.TYPE.defaultValue())));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1000);
        MessageDecodingException e = fails(Kind.TRUNCATED, () -> SampleResult.TYPE.deserialize(bytes));
        assertEquals("sensor_data", e.fieldPath());
        assertEquals("cannot decode gps_msgs/SampleResult field sensor_data (array): declares 1000 elements (at least"
                + " 9000 bytes) but only 9 remain (truncated input)", e.getMessage());

        byte[] data = SampleResult.TYPE.serialize(new SampleResult(1, List.of(
                DataType.TYPE.defaultValue(), new DataType((byte) 1, new double[] {1, 2}, new int[0]))));
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + 4 + 9 + 1, 3);
        e = fails(Kind.TRUNCATED, () -> SampleResult.TYPE.deserialize(data));
        assertEquals("sensor_data[1].data", e.fieldPath());
        assertEquals("float64[]", e.fieldType());
    }

    @Test
    void lengthPrefixOverTheSizeLimit() {
        byte[] bytes = SampleResult.TYPE.serialize(new SampleResult(1, List.of(
                new DataType((byte) 1, new double[200], new int[0]))));
        DecodeLimits small = new DecodeLimits(1000);
        MessageDecodingException e = fails(Kind.SIZE_LIMIT, () -> SampleResult.TYPE.deserialize(bytes, small));
        assertEquals("the input has 1617 bytes, more than the limit of 1000 bytes", e.detail());
        DecodeLimits perField = new DecodeLimits(1599);
        e = fails(Kind.SIZE_LIMIT, () -> SampleResult.TYPE.deserialize(Arrays.copyOf(bytes, 1599), perField));
        assertEquals("sensor_data[0].data", e.fieldPath());
        assertEquals("declares 200 elements (1600 bytes), more than the limit of 1599 bytes", e.detail());

        // A hostile count is rejected before anything is allocated, with the default 256 MiB limit.
        byte[] hostile = {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        e = fails(Kind.SIZE_LIMIT, () -> SampleResult.TYPE.deserialize(hostile));
        assertEquals("cannot decode gps_msgs/SampleResult field sensor_data (array): declares 4294967295 elements"
                + " (38654705655 bytes), more than the limit of 268435456 bytes", e.getMessage());
        byte[] hostileString = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
        e = fails(Kind.SIZE_LIMIT, () -> org.gpsros.msg.std_msgs.String.TYPE.deserialize(hostileString));
        assertEquals("data", e.fieldPath());
    }

    @Test
    void malformedUtf8NamesTypeAndField() {
        byte[] bytes = TRIAL.clone();
        bytes[10] = (byte) 0xff; // the "b" of controller.caffe.net_param "abc" (bytes 9..11)
        MessageDecodingException e = fails(Kind.MALFORMED_UTF8, () -> TrialCommand.TYPE.deserialize(bytes));
        assertEquals("cannot decode gps_msgs/TrialCommand field controller.caffe.net_param (string): is not valid"
                + " UTF-8 (byte 1 of 3)", e.getMessage());
        // CESU-8 surrogate (ED A0 80) and an overlong '/' (C0 AF) are not UTF-8 either
        for (byte[] bad : List.of(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xe2, (byte) 0x82})) {
            byte[] header = Header.TYPE.serialize(new Header(0, org.gpsros.msg.runtime.Time.ZERO, "x".repeat(bad.length)));
            System.arraycopy(bad, 0, header, header.length - bad.length, bad.length);
            e = fails(Kind.MALFORMED_UTF8, () -> Header.TYPE.deserialize(header));
            assertEquals("frame_id", e.fieldPath());
        }
        byte[] joints = JointState.TYPE.serialize(JointState.builder().name(List.of("ok", "\u00e9")).build());
        joints[joints.length - 4 * 3 - 1] = (byte) 0xc3; // "\u00e9" = c3 a9 -> c3 c3, before 3 empty arrays
        e = fails(Kind.MALFORMED_UTF8, () -> JointState.TYPE.deserialize(joints));
        assertEquals("name[1]", e.fieldPath());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] longer = Arrays.copyOf(TRIAL, TRIAL.length + 2);
        MessageDecodingException e = fails(Kind.TRAILING_BYTES, () -> TrialCommand.TYPE.deserialize(longer));
        assertEquals("cannot decode gps_msgs/TrialCommand: 2 bytes are left over after the message's 159 bytes",
                e.getMessage());
    }

    @Test
    void arraysOfContentFreeMessagesCostNoMemoryPerElement() {
        Nested none = Nested.TYPE.defaultValue();
        Nested one = none.toBuilder().nothings(List.of(new Nothing())).build();
        byte[] a = Nested.TYPE.serialize(none);
        byte[] b = Nested.TYPE.serialize(one);
        int countAt = 0;
        while (a[countAt] == b[countAt]) {
            countAt++;
        }
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(countAt, 200_000_000);
        Nested many = Nested.TYPE.deserialize(b);
        assertEquals(200_000_000, many.nothings().size());
        assertEquals(new Nothing(), many.nothings().get(199_999_999));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(countAt, 300_000_000);
        fails(Kind.SIZE_LIMIT, () -> Nested.TYPE.deserialize(b));
    }

    @Test
    void decodingAdvancesTheBufferOnlyOnSuccess() {
        ByteBuffer buffer = ByteBuffer.allocate(TRIAL.length + 3);
        buffer.put(new byte[] {9, 9, 9}).put(TRIAL).position(3);
        TrialCommand command = TrialCommand.TYPE.deserialize(buffer);
        assertEquals(7, command.id());
        assertEquals(buffer.limit(), buffer.position());
        ByteBuffer truncated = ByteBuffer.wrap(TRIAL, 0, 20);
        fails(Kind.TRUNCATED, () -> TrialCommand.TYPE.deserialize(truncated));
        assertEquals(0, truncated.position());
        CaffeParams caffe = command.controller().caffe();
        assertEquals("abc", caffe.net_param());
    }
}
