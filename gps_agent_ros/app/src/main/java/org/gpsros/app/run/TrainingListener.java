package org.gpsros.app.run;

import java.util.List;
import org.gpsros.algorithm.IterationReport;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.monitor.MetricsRow;

/**
 * Hooks into {@link Trainer}'s outer loop, for a front end that watches or steers training (the ROS learner node:
 * status topics, pause/resume/stop services). Every method runs on the training thread; the defaults do nothing.
 */
public interface TrainingListener {

    /** Does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Called once before the first iteration runs, with the algorithm the loop will update. */
    default void started(GpsAlgorithm algorithm) {
    }

    /**
     * Called before sample {@code sample} of {@code condition} is taken in {@code iteration}. May block (pause) or
     * throw {@link TrainingStoppedException} (stop); samples already taken are kept by the caller's state.
     */
    default void beforeSample(int iteration, int condition, int sample) {
    }

    /** Called when every sample of {@code iteration} has been taken, before the learner update. */
    default void samplingDone(int iteration) {
    }

    /** Called after {@code iteration}'s update, with its report and metrics rows, once its checkpoint is written. */
    default void iterationDone(GpsAlgorithm algorithm, IterationReport report, List<MetricsRow> rows) {
    }
}
