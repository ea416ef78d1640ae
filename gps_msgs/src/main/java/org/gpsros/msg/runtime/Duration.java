package org.gpsros.msg.runtime;

/**
 * The ROS builtin {@code duration}: signed seconds and nanoseconds, both int32 on the wire.
 *
 * @param secs  seconds
 * @param nsecs nanoseconds (normalised values have 0 &lt;= nsecs &lt; 1e9)
 */
public record Duration(int secs, int nsecs) implements Comparable<Duration> {
    /** The zero duration, the default of {@code duration} fields. */
    public static final Duration ZERO = new Duration(0, 0);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * @param nanos a signed number of nanoseconds whose seconds fit in an int
     * @return the normalised duration (0 &lt;= nsecs &lt; 1e9, as roscpp normalises)
     */
    public static Duration fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        if (seconds < Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nanos out of the int32 seconds range: " + nanos);
        }
        return new Duration((int) seconds, (int) Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** @return the duration in nanoseconds */
    public long toNanos() {
        return secs * NANOS_PER_SECOND + nsecs;
    }

    @Override
    public int compareTo(Duration other) {
        return Long.compare(toNanos(), other.toNanos());
    }

    @Override
    public String toString() {
        return secs + "s " + nsecs + "ns";
    }
}
