package org.gpsros.app.cli;

/**
 * A subcommand of {@code gps} contributed by a module on the classpath (found with {@link java.util.ServiceLoader}),
 * so that modules built on top of the app (the ROS nodes: {@code gps node}) add commands without the app depending
 * on them.
 */
public interface GpsSubcommand {

    /** A picocli command object (annotated with {@code @Command}). */
    Object command();
}
