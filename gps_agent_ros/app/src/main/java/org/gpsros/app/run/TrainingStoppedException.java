package org.gpsros.app.run;

/** Thrown by a {@link TrainingListener} to end training early; the newest checkpoint stays resumable. */
public final class TrainingStoppedException extends RuntimeException {

    public TrainingStoppedException(String message) {
        super(message);
    }
}
