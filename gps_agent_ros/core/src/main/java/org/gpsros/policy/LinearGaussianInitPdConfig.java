package org.gpsros.policy;

/**
 * Hyperparameters of the PD initial controller {@link LinearGaussianInit#pd} (reference {@code INIT_LG_PD},
 * study §2.5; its unused {@code init_action_offset} is left out).
 *
 * @param initialVariance init_var &gt; 0, the action noise variance on every dimension (default 10)
 * @param positionGains pos_gains ≥ 0, the proportional gain (default 10; 0 gives pure noise around zero)
 * @param velocityGainsMultiplier vel_gains_mult ≥ 0: the derivative gain is positionGains times this
 *        (default 0.01)
 */
public record LinearGaussianInitPdConfig(double initialVariance, double positionGains, double velocityGainsMultiplier) {

    public LinearGaussianInitPdConfig {
        if (!(initialVariance > 0) || Double.isInfinite(initialVariance)) {
            throw new IllegalArgumentException("initialVariance must be finite and > 0, got " + initialVariance);
        }
        if (!(positionGains >= 0) || Double.isInfinite(positionGains)) {
            throw new IllegalArgumentException("positionGains must be finite and ≥ 0, got " + positionGains);
        }
        if (!(velocityGainsMultiplier >= 0) || Double.isInfinite(velocityGainsMultiplier)) {
            throw new IllegalArgumentException("velocityGainsMultiplier must be finite and ≥ 0, got "
                    + velocityGainsMultiplier);
        }
    }

    /** The reference defaults: init_var 10, pos_gains 10, vel_gains_mult 0.01. */
    public static LinearGaussianInitPdConfig defaults() {
        return new LinearGaussianInitPdConfig(10.0, 10.0, 0.01);
    }

    public LinearGaussianInitPdConfig withInitialVariance(double value) {
        return new LinearGaussianInitPdConfig(value, positionGains, velocityGainsMultiplier);
    }

    public LinearGaussianInitPdConfig withPositionGains(double value) {
        return new LinearGaussianInitPdConfig(initialVariance, value, velocityGainsMultiplier);
    }

    public LinearGaussianInitPdConfig withVelocityGainsMultiplier(double value) {
        return new LinearGaussianInitPdConfig(initialVariance, positionGains, value);
    }
}
