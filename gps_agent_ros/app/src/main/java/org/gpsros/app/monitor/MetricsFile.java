package org.gpsros.app.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: header first, one {@link MetricsRow} per iteration and condition. Rows of an iteration are
 * appended together once the iteration is complete; resuming keeps only the rows of the checkpointed iterations.
 */
public final class MetricsFile {
    private final Path path;
    private final boolean withPolicy;

    /** A metrics file without the global-policy columns. */
    public MetricsFile(Path path) {
        this(path, false);
    }

    /**
     * @param withPolicy whether rows carry the global policy's columns (policy_mean_cost, policy_final_distance,
     *     policy_success)
     */
    public MetricsFile(Path path, boolean withPolicy) {
        this.path = path;
        this.withPolicy = withPolicy;
    }

    public Path path() {
        return path;
    }

    /** Creates the file with its header, or keeps only rows with {@code iteration < keepBelow} of an existing one. */
    public void start(int keepBelow) {
        List<MetricsRow> kept = new ArrayList<>();
        if (Files.exists(path)) {
            for (MetricsRow row : read()) {
                if (row.iteration() < keepBelow) {
                    kept.add(row);
                }
            }
        }
        StringBuilder text = new StringBuilder(withPolicy ? MetricsRow.POLICY_HEADER : MetricsRow.HEADER).append('\n');
        for (MetricsRow row : kept) {
            text.append(row.toCsv()).append('\n');
        }
        try {
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Appends the rows of one iteration. */
    public void append(List<MetricsRow> rows) {
        StringBuilder text = new StringBuilder();
        for (MetricsRow row : rows) {
            text.append(row.toCsv()).append('\n');
        }
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path, e);
        }
    }

    /** All rows of the file. */
    public List<MetricsRow> read() {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            List<MetricsRow> rows = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isBlank()) {
                    rows.add(MetricsRow.parse(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
