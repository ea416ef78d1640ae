package org.gpsros.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** Checks the generator against the check values published with the parity data (its README). */
class SyntheticLqrDataTest {

    @Test
    void splitMixMatchesThePublishedCheckValues() {
        SplitMix64 rng = new SplitMix64(42);
        assertEquals(0xbdd732262feb6e95L, rng.nextLong());
        assertEquals(0x28efe333b266f103L, rng.nextLong());
        assertEquals(0x47526757130f9f52L, rng.nextLong());
        SplitMix64 normals = new SplitMix64(42);
        assertEquals(0.88224890622226881, normals.nextNormal(), 1e-15);
        assertEquals(-0.45084987571886009, normals.nextNormal(), 1e-15);
        assertEquals(0.18835263411593151, normals.nextNormal(), 1e-15);
    }

    @Test
    void dataMatchesThePublishedChecksums() {
        SyntheticLqrData data = SyntheticLqrData.generate();
        assertEquals(23.545151140733, sum(data.transition()), 1e-9);
        assertEquals(0.663565043556, sum(data.control()), 1e-9);
        double sumX = 0;
        for (double[][] trajectory : data.states()) {
            for (double[] x : trajectory) {
                sumX += sum(x);
            }
        }
        double sumU = 0;
        for (double[][] trajectory : data.actions()) {
            for (double[] u : trajectory) {
                sumU += sum(u);
            }
        }
        assertEquals(4992.287730998623, sumX, 1e-8);
        assertEquals(-153.421022447033, sumU, 1e-9);
        assertEquals(-0.0893334721161972, data.states()[0][1][0], 1e-15);
        assertEquals(2000, data.transitions().length);
        assertEquals(59, data.transitions()[0].length);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
