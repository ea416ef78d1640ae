package org.gpsros.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gps} command: {@code train}, {@code evaluate}, {@code pretrain-pose}, {@code bench}, {@code summarize},
 * and {@code node} when gps-node is on the classpath.
 */
@Command(name = "gps", mixinStandardHelpOptions = true, version = "gps-ros-java 0.1.0",
        description = "Guided Policy Search: train and evaluate controllers on the embedded simulator, benchmark the learner.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PretrainPoseCommand.class, BenchCommand.class,
                SummarizeCommand.class, CommandLine.HelpCommand.class})
public final class GpsCommand implements Runnable {

    /** Exit status for a bad config or bad arguments. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GpsCommand());
        for (GpsSubcommand extra : java.util.ServiceLoader.load(GpsSubcommand.class)) {
            commandLine.addSubcommand(extra.command());
        }
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler((e, args) -> {
            System.err.println("gps: " + e.getMessage());
            e.getCommandLine().usage(System.err);
            return EXIT_USAGE;
        });
        return commandLine;
    }
}
