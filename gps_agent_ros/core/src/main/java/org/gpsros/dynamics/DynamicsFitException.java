package org.gpsros.dynamics;

/**
 * A dynamics fit failed numerically (a covariance that should be positive definite is not), typically because
 * of degenerate data: too few samples without a prior, constant or duplicated states, or data of extreme scale.
 * The message says which matrix failed and where.
 */
public final class DynamicsFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DynamicsFitException(String message) {
        super(message);
    }
}
