package org.gpsros.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.monitor.MetricsFile;

/**
 * The output folder of a training run (contract: {@code shared/spec/CONTRACTS.md}): {@code config.yaml},
 * {@code metrics.csv}, {@code learning_curve.png}, {@code checkpoints/itr_NNN/}, and {@code eval.csv} after an
 * evaluation. Default location {@code runs/<task>-<timestamp>/}.
 */
public record RunDirectory(Path root) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public Path configFile() {
        return root.resolve("config.yaml");
    }

    /** metrics.csv of a run without a global policy. */
    public MetricsFile metrics() {
        return metrics(false);
    }

    /** metrics.csv, with the global policy's columns if {@code withPolicy}. */
    public MetricsFile metrics(boolean withPolicy) {
        return new MetricsFile(root.resolve("metrics.csv"), withPolicy);
    }

    public Path learningCurve() {
        return root.resolve("learning_curve.png");
    }

    public CheckpointStore checkpoints() {
        return new CheckpointStore(root);
    }

    public Path evaluationFile() {
        return root.resolve("eval.csv");
    }

    /** {@code runs/<task>-<timestamp>} under {@code parent} (a suffix keeps two runs in one second apart). */
    public static RunDirectory fresh(Path parent, String task) {
        String base = task + "-" + LocalDateTime.now().format(STAMP);
        Path candidate = parent.resolve(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = parent.resolve(base + "-" + i);
        }
        return new RunDirectory(candidate);
    }

    /** The newest run folder of {@code task} under {@code parent} that has a config, if any. */
    public static Optional<RunDirectory> newest(Path parent, String task) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(parent)) {
            return folders.filter(p -> p.getFileName().toString().startsWith(task + "-"))
                    .filter(p -> Files.exists(p.resolve("config.yaml")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(RunDirectory::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    /** Replaces config.yaml of an existing run (resuming with more iterations). */
    public void rewriteConfig(String resolvedConfigYaml) {
        try {
            Path temporary = root.resolve("config.yaml.tmp");
            Files.writeString(temporary, resolvedConfigYaml);
            Files.move(temporary, configFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile(), e);
        }
    }

    /** Creates the folder for a new run; refuses one that already holds a run. */
    public void create(String resolvedConfigYaml) {
        if (Files.exists(configFile())) {
            throw new ConfigException(root + ": already holds a run (config.yaml exists); use --resume to continue it "
                    + "or choose another --output");
        }
        try {
            Files.createDirectories(root);
            Path temporary = root.resolve("config.yaml.tmp");
            Files.writeString(temporary, resolvedConfigYaml);
            Files.move(temporary, configFile(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + root, e);
        }
    }
}
