package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The pol_wt rules fixed_lg_step 0–3 (study §3.9) against hand computations. */
class PolicyWeightUpdateTest {

    @Test
    void referenceOptionsMapToTheRules() {
        assertInstanceOf(PolicyWeightUpdate.DualGradient.class, PolicyWeightUpdate.fromReferenceOption(0));
        assertInstanceOf(PolicyWeightUpdate.FixedStep.class, PolicyWeightUpdate.fromReferenceOption(1));
        assertInstanceOf(PolicyWeightUpdate.Ratio.class, PolicyWeightUpdate.fromReferenceOption(2));
        assertEquals(PolicyWeightUpdate.MeanDeviation.referenceDefaults(), PolicyWeightUpdate.fromReferenceOption(3));
        assertThrows(IllegalArgumentException.class, () -> PolicyWeightUpdate.fromReferenceOption(4));
    }

    @Test
    void dualGradientAddsStepTimesKlFlooredAtZero() {
        double[] w = {0.1, 0.2, 0.3};
        assertArrayEquals(new double[] {0.6, 1.2, 0.3},
                new PolicyWeightUpdate.DualGradient().update(w, new double[] {1, 2, 0}, null, 0.5), 1e-15);
        assertArrayEquals(new double[] {0, 0.2 - 0.05, 0.3},
                new PolicyWeightUpdate.DualGradient().update(w, new double[] {2, 1, 0}, null, -0.05), 1e-15);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, w, 0);
    }

    @Test
    void fixedStepAddsTheStepFlooredAtZero() {
        double[] w = {0.1, 0.2, 0.3};
        assertArrayEquals(new double[] {0, 0, 0.05},
                new PolicyWeightUpdate.FixedStep().update(w, new double[] {5, 5, 5}, null, -0.25), 1e-15);
        assertArrayEquals(new double[] {10.1, 10.2, 10.3},
                new PolicyWeightUpdate.FixedStep().update(w, new double[] {0, 0, 0}, null, 10), 1e-14);
    }

    @Test
    void ratioHalvesBelowPointEightDoublesFromPointNineFiveAndSkipsTheFirstCall() {
        double[] w = {1, 1, 1, 1};
        double[] kl = {0.5, 0.9, 0.95, 1.2};
        // First call: the reference divides by None and raises; here the weights stay.
        assertArrayEquals(w, new PolicyWeightUpdate.Ratio().update(w, kl, null, 10), 0);
        assertArrayEquals(new double[] {0.5, 1, 2, 2},
                new PolicyWeightUpdate.Ratio().update(w, kl, new double[] {1, 1, 1, 1}, 10), 0);
        // Zero previous KL: x/0 = ∞ doubles, 0/0 = NaN leaves the weight (numpy semantics).
        assertArrayEquals(new double[] {2, 1},
                new PolicyWeightUpdate.Ratio().update(new double[] {1, 1}, new double[] {0.1, 0}, new double[] {0, 0}, 1), 0);
    }

    @Test
    void meanDeviationWithReferenceDefaults() {
        // KL = [0, 2, 3, 3, 10]: mean 3.6, population std √11.44 ≈ 3.382; lower = 3.6 − 3.382 = 0.218,
        // upper = 3.6 + 0.5·3.382 = 5.291 → t=0 halves, t=4 doubles.
        double[] w = {1, 1, 1, 1, 1};
        double[] kl = {0, 2, 3, 3, 10};
        assertArrayEquals(new double[] {0.5, 1, 1, 1, 2},
                PolicyWeightUpdate.MeanDeviation.referenceDefaults().update(w, kl, null, 10), 0);
        // Equal KL: std 0, every KL ≥ mean → all doubled (as in the reference).
        assertArrayEquals(new double[] {2, 4},
                PolicyWeightUpdate.MeanDeviation.referenceDefaults().update(new double[] {1, 2}, new double[] {0.3, 0.3}, null, 1), 0);
        // The paper's Appendix A.1 thresholds: above the mean doubles, two std below halves.
        PolicyWeightUpdate.MeanDeviation paper = new PolicyWeightUpdate.MeanDeviation(2.0, 0.5, 0.0, 2.0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 2}, paper.update(w, kl, null, 10), 0);
        assertThrows(IllegalArgumentException.class, () -> new PolicyWeightUpdate.MeanDeviation(0, 0.5, 0.5, 1));
    }

    @Test
    void inputsAreChecked() {
        PolicyWeightUpdate rule = new PolicyWeightUpdate.DualGradient();
        assertThrows(IllegalArgumentException.class, () -> rule.update(new double[] {1}, new double[] {1, 2}, null, 1));
        assertThrows(IllegalArgumentException.class, () -> rule.update(new double[] {-1}, new double[] {1}, null, 1));
        assertThrows(IllegalArgumentException.class, () -> rule.update(new double[] {1}, new double[] {Double.NaN}, null, 1));
        assertThrows(IllegalArgumentException.class, () -> rule.update(new double[] {1}, new double[] {1}, new double[2], 1));
    }
}
