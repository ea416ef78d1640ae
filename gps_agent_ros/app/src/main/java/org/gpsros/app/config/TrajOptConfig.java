package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

/**
 * LQR-FLM settings (reference {@code TRAJ_OPT_LQR}, study §2.2).
 *
 * @param del0 initial η increment when Q_uu is not positive definite
 * @param minEta lower end of the η bracket
 * @param maxEta upper end of the η bracket
 * @param consPerStep one KL constraint per time step instead of one in total
 * @param usePrevDistr measure the KL under the previous controller's state marginals
 */
public record TrajOptConfig(Double del0, Double minEta, Double maxEta, Boolean consPerStep, Boolean usePrevDistr) {

    public TrajOptConfig {
        del0 = positive(orDefault(del0, 1e-4), "traj_opt.del0");
        minEta = positive(orDefault(minEta, 1e-8), "traj_opt.min_eta");
        maxEta = positive(orDefault(maxEta, 1e16), "traj_opt.max_eta");
        if (minEta >= maxEta) {
            throw new IllegalArgumentException("traj_opt.max_eta: must be > min_eta (" + minEta + "), got " + maxEta);
        }
        consPerStep = orDefault(consPerStep, false);
        usePrevDistr = orDefault(usePrevDistr, false);
    }

    public static TrajOptConfig defaults() {
        return new TrajOptConfig(null, null, null, null, null);
    }
}
