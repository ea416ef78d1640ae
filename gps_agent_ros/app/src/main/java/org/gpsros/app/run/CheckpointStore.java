package org.gpsros.app.run;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Checkpoints of a run: {@code checkpoints/itr_NNN/} holds {@code state.json.gz} (the learner's whole state after
 * iteration NNN as versioned JSON: doubles in shortest round-trip form, so a restored state is bit-identical) and a
 * {@code COMPLETE} marker written last. A checkpoint is written into {@code itr_NNN.partial/} and renamed into place,
 * so a crash mid-write never leaves a folder that looks complete; resuming takes the newest complete one.
 */
public final class CheckpointStore {
    /** Version of the checkpoint format; bumped on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    static final String STATE_FILE = "state.json.gz";
    static final String COMPLETE_MARKER = "COMPLETE";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path directory;

    public CheckpointStore(Path runDirectory) {
        this.directory = runDirectory.resolve("checkpoints");
    }

    public Path directory() {
        return directory;
    }

    /** Folder of the checkpoint after iteration {@code iteration}. */
    public Path folder(int iteration) {
        return directory.resolve(String.format("itr_%03d", iteration));
    }

    /** Writes the state after {@code iteration}, atomically. */
    public <T> void write(int iteration, T state) {
        Path target = folder(iteration);
        Path partial = directory.resolve(target.getFileName() + ".partial");
        try {
            Files.createDirectories(partial);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial.resolve(STATE_FILE)), 1 << 16)) {
                JSON.writeValue(out, new Envelope<>(FORMAT_VERSION, iteration, state));
            }
            Files.writeString(partial.resolve(COMPLETE_MARKER), "iteration " + iteration + "\n");
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** The iterations of all complete checkpoints, ascending. */
    public List<Integer> completeIterations() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(p -> p.getFileName().toString().matches("itr_\\d{3,}"))
                    .filter(p -> Files.exists(p.resolve(COMPLETE_MARKER)) && Files.exists(p.resolve(STATE_FILE)))
                    .map(p -> Integer.parseInt(p.getFileName().toString().substring(4)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The newest complete checkpoint's iteration, if any. */
    public Optional<Integer> newest() {
        List<Integer> all = completeIterations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Reads the state after {@code iteration}. */
    public <T> T read(int iteration, Class<T> type) {
        Path file = folder(iteration).resolve(STATE_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            Envelope<?> envelope = JSON.readValue(in, JSON.getTypeFactory().constructParametricType(Envelope.class, type));
            if (envelope.formatVersion() != FORMAT_VERSION) {
                throw new IllegalStateException(file + ": checkpoint format " + envelope.formatVersion()
                        + ", this version reads format " + FORMAT_VERSION);
            }
            return type.cast(envelope.state());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes checkpoints after {@code iteration} and unfinished ones (used when resuming). */
    public void discardAfter(int iteration) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                boolean partial = name.endsWith(".partial");
                boolean later = name.matches("itr_\\d{3,}") && Integer.parseInt(name.substring(4)) > iteration;
                if (partial || later) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The stored JSON document. */
    public record Envelope<T>(int formatVersion, int iteration, T state) {
    }
}
