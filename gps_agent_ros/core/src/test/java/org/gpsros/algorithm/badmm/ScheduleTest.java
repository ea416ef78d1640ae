package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code _set_interp_values} (study §3.9) against hand computations. */
class ScheduleTest {

    @Test
    void progressIsNextIterationOverIterationsMinusOneCappedAtOne() {
        assertEquals(1.0 / 9, Schedule.progress(0, 10), 0);
        assertEquals(8.0 / 9, Schedule.progress(7, 10), 0);
        assertEquals(1.0, Schedule.progress(8, 10), 0);
        assertEquals(1.0, Schedule.progress(9, 10), 0);
        assertEquals(1.0, Schedule.progress(0, 2), 0);
        // One iteration: the reference divides by zero (numpy: +inf, min(inf, 1) = 1).
        assertEquals(1.0, Schedule.progress(0, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> Schedule.progress(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedule.progress(0, 0));
    }

    @Test
    void constantIsReturnedAsIs() {
        Schedule s = Schedule.constant(10.0);
        for (int i = 0; i < 12; i++) {
            assertEquals(10.0, s.valueAt(i, 12), 0);
        }
        assertEquals(0.0, Schedule.constant(0.0).valueAt(3, 10), 0);
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(Double.NaN));
    }

    @Test
    void arrayIsInterpolatedGeometricallyOnAnEvenGrid() {
        // The reference examples' lg_step_schedule, 10 iterations: grid 0, 1/3, 2/3, 1.
        Schedule s = Schedule.logInterpolated(1e-4, 1e-3, 1e-2, 1e-2);
        // itr 0: s = 1/9 = one third of the way from 1e-4 to 1e-3 in log space.
        assertEquals(1e-4 * Math.pow(10, 1.0 / 3), s.valueAt(0, 10), 1e-15 * 1e-4);
        // itr 2: s = 1/3, on the grid point.
        assertEquals(1e-3, s.valueAt(2, 10), 1e-15 * 1e-3);
        // itr 3: s = 4/9, one third of the way from 1e-3 to 1e-2.
        assertEquals(1e-3 * Math.pow(10, 1.0 / 3), s.valueAt(3, 10), 1e-14 * 1e-3);
        // itr 5: s = 2/3 → 1e-2; then flat.
        assertEquals(1e-2, s.valueAt(5, 10), 1e-15 * 1e-2);
        assertEquals(1e-2, s.valueAt(7, 10), 1e-15 * 1e-2);
        assertEquals(1e-2, s.valueAt(9, 10), 1e-15 * 1e-2);
        // ent_reg_schedule of the examples, two points: geometric mean at s = 1/2.
        Schedule two = Schedule.logInterpolated(1e-3, 1e-1);
        assertEquals(1e-2, two.valueAt(0.5), 1e-16);
        assertEquals(1e-3, two.valueAt(0.0), 1e-18);
        assertEquals(1e-1, two.valueAt(1.0), 1e-16);
        // One point: the value at every s.
        assertEquals(0.25, Schedule.logInterpolated(0.25).valueAt(0.4), 1e-16);
    }

    @Test
    void arrayPointsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.logInterpolated(1e-3, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.logInterpolated(-1.0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.logInterpolated());
        double[] points = {1.0, 2.0};
        Schedule s = Schedule.logInterpolated(points);
        points[1] = 100;
        assertEquals(2.0, s.valueAt(1.0), 1e-15);
    }
}
