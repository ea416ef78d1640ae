package org.gpsros.msg.runtime;

/**
 * The ROS builtin {@code time}: seconds and nanoseconds since the epoch, both uint32 on the wire.
 *
 * @param secs  seconds, an unsigned 32-bit value held in an int (use {@link #secondsUnsigned()})
 * @param nsecs nanoseconds, an unsigned 32-bit value held in an int (normally below 1e9)
 */
public record Time(int secs, int nsecs) implements Comparable<Time> {
    /** Time zero, the default of {@code time} fields. */
    public static final Time ZERO = new Time(0, 0);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * @param epochNanos nanoseconds since the epoch, from 0 to (2^32 - 1) s + 999999999 ns
     * @return the normalised time (nsecs below 1e9)
     */
    public static Time fromNanos(long epochNanos) {
        if (epochNanos < 0 || epochNanos / NANOS_PER_SECOND > 0xffff_ffffL) {
            throw new IllegalArgumentException("epochNanos must be in [0, 2^32 s), got " + epochNanos);
        }
        return new Time((int) (epochNanos / NANOS_PER_SECOND), (int) (epochNanos % NANOS_PER_SECOND));
    }

    /** @return the seconds as a non-negative long */
    public long secondsUnsigned() {
        return Integer.toUnsignedLong(secs);
    }

    /** @return nanoseconds since the epoch */
    public long toNanos() {
        return Integer.toUnsignedLong(secs) * NANOS_PER_SECOND + Integer.toUnsignedLong(nsecs);
    }

    @Override
    public int compareTo(Time other) {
        int c = Integer.compareUnsigned(secs, other.secs);
        return c != 0 ? c : Integer.compareUnsigned(nsecs, other.nsecs);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(secs) + "." + String.format("%09d", Integer.toUnsignedLong(nsecs));
    }
}
