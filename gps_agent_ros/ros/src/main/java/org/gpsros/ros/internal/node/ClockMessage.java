package org.gpsros.ros.internal.node;

import java.util.List;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageCodec;
import org.gpsros.msg.runtime.MessageField;
import org.gpsros.msg.runtime.MessageReader;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.MessageWriter;
import org.gpsros.msg.runtime.Time;

/**
 * {@code rosgraph_msgs/Clock} ({@code time clock}), the simulated time on {@code /clock}. Hand-written because the
 * client needs only this one rosgraph_msgs type; md5 as genmsg computes it for Debian's rosgraph_msgs 1.11.3.
 *
 * @param clock the simulated time
 */
public record ClockMessage(Time clock) implements Message {
    /** The type descriptor. */
    public static final MessageType<ClockMessage> TYPE = MessageType.of("rosgraph_msgs/Clock",
            "a9c97c1d230cfc112e270351a944ee47", "time clock\n", List.of(new MessageField("clock", "time", "clock")),
            ClockMessage.class, new Codec());

    /** Checks the field. */
    public ClockMessage {
        java.util.Objects.requireNonNull(clock, "rosgraph_msgs/Clock.clock must not be null");
    }

    @Override
    public MessageType<ClockMessage> messageType() {
        return TYPE;
    }

    private static final class Codec implements MessageCodec<ClockMessage> {
        @Override
        public long wireSize(ClockMessage message) {
            return 8;
        }

        @Override
        public void write(ClockMessage message, MessageWriter out) {
            out.writeTime(message.clock);
        }

        @Override
        public ClockMessage read(MessageReader in) {
            return new ClockMessage(in.readTime("rosgraph_msgs/Clock", "clock"));
        }

        @Override
        public ClockMessage defaultValue() {
            return new ClockMessage(Time.ZERO);
        }
    }
}
