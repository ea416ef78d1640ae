package org.gpsros.msg.generator;

/** A {@code .msg}/{@code .srv} definition that genmsg would reject, or that cannot be turned into Java. */
public final class MsgSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file or type and the offending line or field */
    public MsgSpecException(String message) {
        super(message);
    }
}
