package org.gpsros.cost;

/**
 * How a cost's weights grow over the horizon (reference {@code RAMP_*} in {@code cost_utils.py}, study §3.14).
 * The numeric ids are the reference's.
 */
public enum Ramp {
    /** 1 at every step. */
    CONSTANT(1),
    /** (t+1)/T. */
    LINEAR(2),
    /** ((t+1)/T)². */
    QUADRATIC(3),
    /** 0, except 1 at the last step. */
    FINAL_ONLY(4);

    private final int id;

    Ramp(int id) {
        this.id = id;
    }

    /** The reference's numeric value ({@code RAMP_CONSTANT = 1} ...). */
    public int id() {
        return id;
    }

    public static Ramp ofId(int id) {
        for (Ramp ramp : values()) {
            if (ramp.id == id) {
                return ramp;
            }
        }
        throw new IllegalArgumentException("no cost ramp with id " + id + " (valid: 1 to 4)");
    }

    /**
     * The multiplier of each time step, the last one times {@code finalMultiplier} (reference
     * {@code get_ramp_multiplier}, study §3.14). The reference computes LINEAR and QUADRATIC in float32;
     * this uses double, which differs from it by less than 1e-7 relative.
     *
     * @param horizon number of time steps T ≥ 1
     * @param finalMultiplier wp_final_multiplier
     * @return a fresh array of length horizon
     */
    public double[] multipliers(int horizon, double finalMultiplier) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        double[] m = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            double fraction = (t + 1) / (double) horizon;
            m[t] = switch (this) {
                case CONSTANT -> 1.0;
                case LINEAR -> fraction;
                case QUADRATIC -> fraction * fraction;
                case FINAL_ONLY -> t == horizon - 1 ? 1.0 : 0.0;
            };
        }
        m[horizon - 1] *= finalMultiplier;
        return m;
    }
}
