package org.gpsros.ros.internal.tcpros;

import java.io.IOException;

/** A peer broke the TCPROS protocol (malformed or oversized header or frame, missing field, wrong md5) or refused. */
public final class TcpRosException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean refusedByPeer;

    /** @param message what was wrong; sent to the peer in the {@code error} header field where possible */
    public TcpRosException(String message) {
        this(message, false);
    }

    private TcpRosException(String message, boolean refusedByPeer) {
        super(message);
        this.refusedByPeer = refusedByPeer;
    }

    /**
     * @param message the peer's reason
     * @return an exception saying that the peer refused the connection (its {@code error} header, or a type or md5
     *         it should not have sent); retrying will not help
     */
    public static TcpRosException refused(String message) {
        return new TcpRosException(message, true);
    }

    /** @return whether the peer refused (see {@link #refused}) rather than broke the protocol */
    public boolean refusedByPeer() {
        return refusedByPeer;
    }
}
