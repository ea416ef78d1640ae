package org.gpsros.sim.bullet;

import com.jme3.bullet.MultiBodySpace;
import com.jme3.bullet.NativePhysicsObject;
import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.util.NativeLibrary;
import com.jme3.math.Vector3f;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads Libbulletjme's native library once per JVM (java-dependencies.md §5).
 *
 * <p>The single-precision release build ships inside the {@code Libbulletjme-Linux64:SpRelease} jar as the
 * class-path resource {@value #RESOURCE}. {@link #load()} copies it to a content-addressed file
 * {@code <cache>/libbulletjme-<sha256 prefix>.so} (cache = the system property {@value #CACHE_PROPERTY}, else
 * {@code java.io.tmpdir/gps-ros-java}), written under a unique temporary name and moved into place atomically, so
 * JVMs that start together never see a half-written library and reuse the same file afterwards; then
 * {@code System.load}s it, silences the library's start-up banner, creates one throw-away space (so the library's
 * global JNI caches are filled before any concurrent use) and starts one daemon thread that frees the native
 * objects whose Java wrappers were garbage-collected ({@code NativePhysicsObject.freeUnusedObjects}).
 * Thread-safe; later calls return at once.
 */
public final class BulletNatives {

    /** Where the native library lies on the class path. */
    public static final String RESOURCE = "native/linux/x86_64/libbulletjme.so";
    /** System property naming the folder the library is extracted to. */
    public static final String CACHE_PROPERTY = "gps.bullet.cache";

    private static volatile boolean loaded;
    /** Held so the level set on it is not lost when the logging framework drops unreferenced loggers. */
    private static final Logger LIBRARY_LOGGER = Logger.getLogger("com.jme3");

    private BulletNatives() {
    }

    /**
     * Makes sure the native library is loaded.
     *
     * @throws IllegalStateException if the resource is missing (not Linux x86-64, or the SpRelease jar is not on
     *     the class path), cannot be extracted, or does not load; the message says which and why
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (BulletNatives.class) {
            if (loaded) {
                return;
            }
            Path library = extract();
            try {
                System.load(library.toString());
            } catch (UnsatisfiedLinkError e) {
                throw new IllegalStateException("Bullet physics: could not load the native library " + library
                        + " (" + e.getMessage() + "); the peg tasks need Linux x86-64", e);
            }
            LIBRARY_LOGGER.setLevel(Level.WARNING);
            NativeLibrary.setStartupMessageEnabled(false);
            // The first space creation fills the library's global JNI class and method caches: do it here, under
            // the lock, so worlds built concurrently later never race on it.
            MultiBodySpace first = new MultiBodySpace(new Vector3f(-1f, -1f, -1f), new Vector3f(1f, 1f, 1f),
                    PhysicsSpace.BroadphaseType.DBVT);
            first.destroy();
            Thread cleaner = new Thread(NativePhysicsObject::freeUnusedObjects, "bullet-native-cleaner");
            cleaner.setDaemon(true);
            cleaner.start();
            loaded = true;
        }
    }

    private static Path extract() {
        byte[] bytes;
        try (InputStream in = BulletNatives.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bullet physics: the native library " + RESOURCE + " is not on the "
                        + "class path (it comes with com.github.stephengold:Libbulletjme-Linux64, classifier SpRelease; "
                        + "os.name=" + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch") + ")");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 23);
            in.transferTo(buffer);
            bytes = buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Bullet physics: could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        String configured = System.getProperty(CACHE_PROPERTY);
        Path folder = configured != null ? Paths.get(configured)
                : Paths.get(System.getProperty("java.io.tmpdir"), "gps-ros-java");
        Path target = folder.resolve("libbulletjme-" + hash + ".so");
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "libbulletjme-", ".part");
            try {
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Bullet physics: could not extract the native library to " + target
                    + " (set -D" + CACHE_PROPERTY + "=<writable folder>): " + e.getMessage(), e);
        }
    }
}
