package org.gpsros.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RampTest {

    @Test
    void multipliersFollowTheReference() {
        assertArrayEquals(new double[] {1, 1, 2}, Ramp.CONSTANT.multipliers(3, 2.0), 0.0);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0}, Ramp.LINEAR.multipliers(4, 1.0), 0.0);
        assertArrayEquals(new double[] {0.25, 3.0}, Ramp.QUADRATIC.multipliers(2, 3.0), 0.0);
        assertArrayEquals(new double[] {1.0 / 16, 0.25, 9.0 / 16, 1.0}, Ramp.QUADRATIC.multipliers(4, 1.0), 1e-16);
        assertArrayEquals(new double[] {0, 0, 5}, Ramp.FINAL_ONLY.multipliers(3, 5.0), 0.0);
        assertArrayEquals(new double[] {7}, Ramp.LINEAR.multipliers(1, 7.0), 0.0);
    }

    @Test
    void idsAreTheReferenceEnumValues() {
        assertEquals(1, Ramp.CONSTANT.id());
        assertEquals(4, Ramp.FINAL_ONLY.id());
        for (Ramp ramp : Ramp.values()) {
            assertEquals(ramp, Ramp.ofId(ramp.id()));
        }
        assertThrows(IllegalArgumentException.class, () -> Ramp.ofId(5));
        assertThrows(IllegalArgumentException.class, () -> Ramp.CONSTANT.multipliers(0, 1.0));
    }
}
