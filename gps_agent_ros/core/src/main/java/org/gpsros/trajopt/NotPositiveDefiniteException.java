package org.gpsros.trajopt;

/**
 * The backward pass found no positive-definite Q_uu even after raising η to its maximum (reference
 * {@code ValueError('NaNs encountered in dynamics!')} / {@code 'Failed to find PD solution even for very large
 * eta'}, study §3.6; the most reported failure of the reference, issues #2 and #51). The message says whether the
 * dynamics contain NaN and what to try.
 */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int timeStep;
    private final double eta;
    private final boolean dynamicsContainNaN;

    public NotPositiveDefiniteException(int timeStep, double eta, double maxEta, boolean dynamicsContainNaN) {
        super(message(timeStep, eta, maxEta, dynamicsContainNaN));
        this.timeStep = timeStep;
        this.eta = eta;
        this.dynamicsContainNaN = dynamicsContainNaN;
    }

    private static String message(int timeStep, double eta, double maxEta, boolean nan) {
        String head = "LQR backward pass: Q_uu is not positive definite at t=" + timeStep + " even with eta=" + eta
                + " (limit maxEta=" + maxEta + "). ";
        if (nan) {
            return head + "The fitted dynamics contain NaN: check the samples for NaN/infinite states or actions and "
                    + "the dynamics fit (regularisation, prior strength, number of samples).";
        }
        return head + "The dynamics contain no NaN, so the problem is ill-conditioned: check that the cost's action "
                + "Hessian is positive definite (add an action cost), that the previous controller's covariance is "
                + "positive definite, and that dynamics and cost are reasonably well scaled (e.g. raise the dynamics "
                + "regularisation or use more samples).";
    }

    /** The time step at which the last attempt failed. */
    public int timeStep() {
        return timeStep;
    }

    /** The η of the last attempt. */
    public double eta() {
        return eta;
    }

    /** Whether the fitted dynamics contain NaN ({@code LinearGaussianDynamics.containsNaN()}). */
    public boolean dynamicsContainNaN() {
        return dynamicsContainNaN;
    }
}
