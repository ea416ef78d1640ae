package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.orDefault;

/**
 * Sampling settings (reference {@code AGENT}, study §2.7 and §3.13).
 *
 * @param smoothNoise filter the exploration noise in time
 * @param smoothNoiseSigma Gaussian filter width in time steps (reference smooth_noise_var)
 * @param smoothNoiseRenormalize rescale each action dimension's noise back to unit standard deviation
 */
public record AgentConfig(Boolean smoothNoise, Double smoothNoiseSigma, Boolean smoothNoiseRenormalize) {

    public AgentConfig {
        smoothNoise = orDefault(smoothNoise, true);
        smoothNoiseSigma = nonNegative(orDefault(smoothNoiseSigma, 2.0), "agent.smooth_noise_sigma");
        smoothNoiseRenormalize = orDefault(smoothNoiseRenormalize, true);
    }

    public static AgentConfig defaults() {
        return new AgentConfig(null, null, null);
    }
}
