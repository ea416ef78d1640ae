package org.gpsros.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the reference implementation's parity data (copied from {@code shared/data/lqr-parity}, gzipped, into
 * {@code src/test/resources/lqr-parity}). See that folder's README for the exact recipe and provenance.
 */
public final class ParityData {
    private ParityData() {
    }

    /** All numbers of a CSV file, row after row (%.17g values). */
    public static double[] flat(String name) {
        String resource = "/lqr-parity/" + name + (name.endsWith(".gz") ? "" : ".gz");
        try (InputStream raw = ParityData.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            int count = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i].trim());
                }
                rows.add(row);
                count += row.length;
            }
            double[] all = new double[count];
            int offset = 0;
            for (double[] row : rows) {
                System.arraycopy(row, 0, all, offset, row.length);
                offset += row.length;
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of shape {@code blocks × blockSize}, split into one array per block. */
    public static double[][] blocks(String name, int blocks, int blockSize) {
        double[] all = flat(name);
        if (all.length != blocks * blockSize) {
            throw new IllegalStateException(name + " holds " + all.length + " numbers, expected " + blocks + "×" + blockSize);
        }
        double[][] out = new double[blocks][blockSize];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(all, b * blockSize, out[b], 0, blockSize);
        }
        return out;
    }

    /** Integer labels, one per line. */
    public static int[] labels(String name) {
        double[] all = flat(name);
        int[] labels = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            labels[i] = (int) all[i];
        }
        return labels;
    }

    /** States X (T = 100 of X_full) of trajectories [0, n): {@code n × 100 × 26}. */
    public static double[][][] states(int n) {
        double[][] full = blocks("X_full_20x101x26.csv", 20 * 101, 26);
        double[][][] x = new double[n][100][];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 100; t++) {
                x[i][t] = full[i * 101 + t];
            }
        }
        return x;
    }

    /** Actions U of trajectories [0, n): {@code n × 100 × 7}. */
    public static double[][][] actions(int n) {
        double[][] all = blocks("U_20x100x7.csv", 20 * 100, 7);
        double[][][] u = new double[n][100][];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 100; t++) {
                u[i][t] = all[i * 100 + t];
            }
        }
        return u;
    }
}
