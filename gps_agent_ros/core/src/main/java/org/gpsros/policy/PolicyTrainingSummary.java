package org.gpsros.policy;

/**
 * What one S-step fit did.
 *
 * @param initialLoss the weighted precision loss (without weight decay) over the whole set before training
 * @param finalLoss the same loss after training
 * @param iterations minibatch steps taken
 * @param seconds wall-clock time of the fit
 */
public record PolicyTrainingSummary(double initialLoss, double finalLoss, int iterations, double seconds) {
}
