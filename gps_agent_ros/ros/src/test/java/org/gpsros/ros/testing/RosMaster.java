package org.gpsros.ros.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gpsros.ros.internal.master.MasterClient;
import org.gpsros.ros.internal.master.SystemState;
import org.gpsros.ros.internal.xmlrpc.XmlRpcClient;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;

/**
 * A loopback {@code rosmaster --core} for one test class (shared/reference/ros1-on-debian.md §2 "How tests should
 * start/stop a master"): free port, private ROS_HOME/ROS_LOG_DIR, ROS_IP=127.0.0.1, started with setsid, ready
 * when getSystemState answers, stopped with SIGTERM to its process group.
 */
public final class RosMaster implements AutoCloseable {
    private final Path home;
    private final int port;
    private final XmlRpcClient xmlRpc = new XmlRpcClient(Duration.ofSeconds(5), 1, "test-master-client");
    private final MasterClient client;
    private Process process;

    private RosMaster(Path home, int port) {
        this.home = home;
        this.port = port;
        this.client = new MasterClient(uri(), xmlRpc, "/gps_ros_test");
    }

    /**
     * @param home a temporary folder for ROS_HOME and logs
     * @return a started master
     */
    public static RosMaster start(Path home) {
        RosTools.requireInstalled();
        RosMaster m = new RosMaster(home, freePort());
        m.launch();
        return m;
    }

    /** @return a free TCP port on loopback */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            Files.createDirectories(home.resolve("log"));
            ProcessBuilder pb = new ProcessBuilder("setsid", "rosmaster", "--core", "-p", Integer.toString(port));
            pb.environment().clear();
            pb.environment().putAll(RosTools.environment(env()));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("master-" + port + ".out").toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                client.getSystemState();
                return;
            } catch (XmlRpcException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("rosmaster on port " + port + " did not come up: " + e);
                }
                RosTools.sleep(50);
            }
        }
    }

    /** @return the master URI */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return the environment ROS tools need to use this master */
    public Map<String, String> env() {
        return Map.of("ROS_MASTER_URI", uri().toString(), "ROS_IP", "127.0.0.1", "ROS_HOME", home.toString(),
                "ROS_LOG_DIR", home.resolve("log").toString(), "PYTHONPATH", RosTools.genpyGpsMsgs().toString(),
                "ROS_PACKAGE_PATH", "/usr/share");
    }

    /** @return a master client with caller id /gps_ros_test */
    public MasterClient client() {
        return client;
    }

    /**
     * @return the master's system state
     */
    public SystemState state() {
        try {
            return client.getSystemState();
        } catch (XmlRpcException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a ROS tool against this master.
     *
     * @param timeout the longest run
     * @param command the command
     * @return the result
     */
    public RosTools.Result run(Duration timeout, String... command) {
        return RosTools.run(env(), timeout, List.of(command));
    }

    /**
     * Starts a ROS tool against this master in the background.
     *
     * @param command the command
     * @return the running tool
     */
    public RosTools.Running start(String... command) {
        return RosTools.start(env(), List.of(command));
    }

    /** Stops the master (SIGTERM to its process group) and starts a new one on the same port. */
    public void restart() {
        stop();
        launch();
    }

    /** Stops the master: SIGTERM to the process group, SIGKILL after 5 s. Idempotent. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid()).start().waitFor();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        xmlRpc.close();
    }
}
