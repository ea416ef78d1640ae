package org.gpsros.app.cli;

import org.gpsros.app.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr: a config error exits 2; a run error (a diverged rollout, a failed
 * trajectory update, an unreadable checkpoint) exits 1 and says what was kept. Set {@code GPS_DEBUG=1} for the
 * stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (System.getenv("GPS_DEBUG") != null) {
            e.printStackTrace();
        }
        if (e instanceof ConfigException) {
            System.err.println("gps: " + e.getMessage());
            return GpsCommand.EXIT_USAGE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        System.err.println("gps: error: " + message);
        return 1;
    }
}
