package org.gpsros.msg.runtime;

/**
 * Limits applied while decoding untrusted bytes, so that a corrupt or hostile length prefix cannot make the
 * decoder allocate more than intended.
 *
 * @param maxLengthBytes the largest number of bytes that a whole message, or any one string or array in it (element
 *                       count times element size), may declare; larger declarations are rejected with
 *                       {@link MessageDecodingException.Kind#SIZE_LIMIT}
 */
public record DecodeLimits(int maxLengthBytes) {
    /** 256 MiB: far above any GPS message (a T=100, dX=26, dU=7 controller is 146 KB) yet bounded. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(256 << 20);

    /** Validates the limit. */
    public DecodeLimits {
        if (maxLengthBytes <= 0) {
            throw new IllegalArgumentException("maxLengthBytes must be > 0, got " + maxLengthBytes);
        }
    }
}
