package org.gpsros.ros.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's ROS 1 tools for the interop tests ({@code @Tag("ros")}). Missing tools FAIL the tests (scripts/test
 * installs them); they are never skipped. Python tools run with /usr/bin/python3 (their shebang); genpy modules of
 * gps_msgs are generated once per JVM and put on PYTHONPATH.
 */
public final class RosTools {
    /** The executables the interop tests need. */
    public static final List<String> TOOLS = List.of("/usr/bin/rosmaster", "/usr/bin/rostopic",
            "/usr/bin/rosservice", "/usr/bin/rosparam", "/usr/bin/rosnode", "/usr/bin/rosbag", "/usr/bin/python3",
            "/usr/lib/genpy/genmsg_py.py", "/usr/lib/genpy/gensrv_py.py");
    private static Path genpyRoot;

    private RosTools() {
    }

    /** Fails (does not skip) when a ROS tool is missing. */
    public static void requireInstalled() {
        List<String> missing = TOOLS.stream().filter(t -> !Files.exists(Path.of(t))).toList();
        if (!missing.isEmpty()) {
            fail("ROS 1 tools missing: " + missing + ". Run scripts/test, which installs Debian's ROS packages"
                    + " (rosout python3-rosmaster python3-rostopic ... ros-std-srvs), or install them with apt-get.");
        }
    }

    /** @return the repository root (the folder holding gps_msgs/package.xml) */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("gps_msgs/package.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (gps_msgs/package.xml) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * Generates rospy modules for gps_msgs (genpy) once per JVM.
     *
     * @return the folder to put on PYTHONPATH
     */
    public static synchronized Path genpyGpsMsgs() {
        if (genpyRoot != null) {
            return genpyRoot;
        }
        try {
            Path out = Files.createTempDirectory("gps-ros-genpy");
            Path pkg = repositoryRoot().resolve("gps_msgs");
            Files.createDirectories(out.resolve("gps_msgs"));
            Files.writeString(out.resolve("gps_msgs/__init__.py"), "");
            List<String> includes = List.of("-I", "gps_msgs:" + pkg.resolve("msg"), "-I",
                    "std_msgs:/usr/share/std_msgs/msg");
            genpy("/usr/lib/genpy/genmsg_py.py", out.resolve("gps_msgs/msg"), includes, files(pkg.resolve("msg"),
                    ".msg"));
            genpy("/usr/lib/genpy/gensrv_py.py", out.resolve("gps_msgs/srv"), includes, files(pkg.resolve("srv"),
                    ".srv"));
            genpyRoot = out;
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> files(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).map(Path::toString).sorted().toList();
        }
    }

    private static void genpy(String script, Path outDir, List<String> includes, List<String> inputs) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script, "-p", "gps_msgs", "-o",
                outDir.toString()));
        cmd.addAll(includes);
        cmd.addAll(inputs);
        check(run(Map.of(), Duration.ofSeconds(60), cmd), "genpy");
        check(run(Map.of(), Duration.ofSeconds(60), List.of("/usr/bin/python3", script, "--initpy", "-p",
                "gps_msgs", "-o", outDir.toString())), "genpy --initpy");
    }

    private static void check(Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (" + r.exitCode() + "): " + r.stderr());
        }
    }

    /**
     * @param extraEnv variables on top of the JVM's environment (PATH gets /usr/bin first)
     * @return the environment for a tool
     */
    public static Map<String, String> environment(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("ROS_HOSTNAME");
        env.remove("ROS_NAMESPACE");
        env.put("PATH", "/usr/bin:/bin:" + env.getOrDefault("PATH", ""));
        env.putAll(extraEnv);
        return env;
    }

    /**
     * A finished tool run.
     *
     * @param exitCode the exit code (-1 if killed after the timeout)
     * @param stdout   its standard output
     * @param stderr   its standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** @return stdout and stderr, for assertion messages */
        public String all() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * Runs a command to completion (killed after the timeout).
     *
     * @param env     environment additions
     * @param timeout the longest run
     * @param command the command
     * @return its result
     */
    public static Result run(Map<String, String> env, Duration timeout, List<String> command) {
        try (Running r = start(env, command)) {
            return r.await(timeout);
        }
    }

    /**
     * Starts a command in the background; its output is collected.
     *
     * @param env     environment additions
     * @param command the command
     * @return the running process
     */
    public static Running start(Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(environment(env));
        try {
            return new Running(pb.start(), String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A background tool with its collected output. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final String command;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        Running(Process process, String command) {
            this.process = process;
            this.command = command;
            this.outReader = pump(process.getInputStream(), out);
            this.errReader = pump(process.getErrorStream(), err);
        }

        private static Thread pump(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            }, "tool-output");
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** @return the process */
        public Process process() {
            return process;
        }

        /** @return stdout so far */
        public String stdout() {
            return out.toString();
        }

        /** @return stderr so far */
        public String stderr() {
            return err.toString();
        }

        /**
         * Waits until stdout contains a text.
         *
         * @param text    the text
         * @param timeout the longest wait
         * @return whether it appeared
         */
        public boolean awaitOutput(String text, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (out.indexOf(text) >= 0) {
                    return true;
                }
                if (!process.isAlive() && out.indexOf(text) < 0) {
                    joinReaders();
                    return out.indexOf(text) >= 0;
                }
                sleep(20);
            }
            return false;
        }

        /**
         * Waits for the process to exit (killing it after the timeout).
         *
         * @param timeout the longest wait
         * @return the result
         */
        public Result await(Duration timeout) {
            try {
                boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    close();
                }
                joinReaders();
                return new Result(done ? process.exitValue() : -1, out.toString(), err.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return new Result(-1, out.toString(), err.toString());
            }
        }

        /**
         * Sends a signal to the process.
         *
         * @param signal e.g. {@code INT}
         */
        public void signal(String signal) {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void joinReaders() {
            try {
                outReader.join(2000);
                errReader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops the process (SIGTERM, then SIGKILL after 3 s) and its children. */
        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String toString() {
            return command;
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
