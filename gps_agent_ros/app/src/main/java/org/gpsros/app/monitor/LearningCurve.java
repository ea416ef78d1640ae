package org.gpsros.app.monitor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code learning_curve.png}: mean sample cost per iteration for every condition, with the min–max range as error
 * bars, so a run's progress reads at a glance. Written headless.
 */
public final class LearningCurve {
    private LearningCurve() {
    }

    /** Renders the rows to a PNG (written to a temporary file first, then moved into place). */
    public static void write(Path png, String title, List<MetricsRow> rows) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("iteration").yAxisTitle("mean cost of the iteration's samples").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(220, 220, 220));
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        Map<Integer, List<MetricsRow>> byCondition = new TreeMap<>();
        for (MetricsRow row : rows) {
            if (!row.isTraining()) {
                continue;
            }
            byCondition.computeIfAbsent(row.condition(), c -> new java.util.ArrayList<>()).add(row);
        }
        boolean positive = rows.stream().filter(MetricsRow::isTraining).allMatch(r -> r.minCost() > 0)
                && rows.stream().filter(r -> r.policy() != null).allMatch(r -> !(r.policy().meanCost() <= 0));
        for (Map.Entry<Integer, List<MetricsRow>> entry : byCondition.entrySet()) {
            List<MetricsRow> series = entry.getValue();
            double[] x = new double[series.size()];
            double[] y = new double[series.size()];
            double[] error = new double[series.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = series.get(i).iteration();
                y[i] = series.get(i).meanCost();
                error[i] = series.get(i).stdCost();
            }
            XYSeries line = chart.addSeries("condition " + entry.getKey() + " (mean ± sd)", x, y, error);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineStyle(new BasicStroke(2f));
        }
        addPolicySeries(chart, rows, true, "global policy, training conditions (mean, noiseless)");
        addPolicySeries(chart, rows, false, "global policy, test conditions (mean, noiseless)");
        if (positive && !rows.isEmpty()) {
            double lo = rows.stream().filter(MetricsRow::isTraining).mapToDouble(MetricsRow::minCost).min().orElse(1);
            double hi = rows.stream().filter(MetricsRow::isTraining).mapToDouble(MetricsRow::maxCost).max().orElse(1);
            chart.getStyler().setYAxisLogarithmic(hi / lo > 30);
        }
        if (rows.isEmpty()) {
            chart.addSeries("no iterations yet", new double[] {0}, new double[] {0});
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Path temporary = png.resolveSibling(png.getFileName() + ".tmp.png");
            BitmapEncoder.saveBitmap(chart, temporary.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(temporary, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** The global policy's mean cost over the training (or the test) conditions per iteration, dashed. */
    private static void addPolicySeries(XYChart chart, List<MetricsRow> rows, boolean training, String name) {
        Map<Integer, double[]> byIteration = new TreeMap<>();
        for (MetricsRow row : rows) {
            if (row.policy() == null || row.isTraining() != training || Double.isNaN(row.policy().meanCost())) {
                continue;
            }
            double[] sum = byIteration.computeIfAbsent(row.iteration(), i -> new double[2]);
            sum[0] += row.policy().meanCost();
            sum[1]++;
        }
        if (byIteration.isEmpty()) {
            return;
        }
        double[] x = new double[byIteration.size()];
        double[] y = new double[byIteration.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> entry : byIteration.entrySet()) {
            x[i] = entry.getKey();
            y[i] = entry.getValue()[0] / entry.getValue()[1];
            i++;
        }
        XYSeries line = chart.addSeries(name, x, y);
        line.setMarker(training ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
        line.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 5f}, 0f));
    }
}
