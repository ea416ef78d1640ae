package org.gpsros.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gpsros.app.cli.GpsCommand;
import org.gpsros.node.NodeFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gps node ...} as a user types it, through the {@code gps} command (gps-node registers {@code node} by
 * ServiceLoader): help, and bad arguments or configs exit 2 with one clear line before any ROS connection is tried
 * (no master runs in this test).
 */
class NodeCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private int gps(String... args) {
        err.reset();
        out.reset();
        return GpsCommand.commandLine().execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void learnerHelpListsItsArgumentsAndOptions() {
        assertEquals(0, gps("node", "learner", "--help"));
        String help = stdout();
        assertTrue(help.contains("Usage: gps node learner") && help.contains("CONFIG") && help.contains("ROS_ARGS")
                && help.contains("--iterations") && help.contains("--trial-timeout") && help.contains("--stay-up"),
                help);
        assertEquals(0, gps("node", "sim-robot", "--help"));
        assertTrue(stdout().contains("Usage: gps node sim-robot") && stdout().contains("--real-time"), stdout());
        assertEquals(0, gps("node", "--help"));
        assertTrue(stdout().contains("learner") && stdout().contains("sim-robot"), stdout());
    }

    @Test
    void missingConfigArgumentExits2WithUsage() {
        assertEquals(2, gps("node", "learner"));
        assertTrue(stderr().contains("Missing required parameter: 'CONFIG'"), stderr());
        assertTrue(stderr().contains("Usage: gps node learner"), stderr());
    }

    @Test
    void badOptionValuesExit2() {
        String config = NodeFixtures.armConfig().toString();
        assertEquals(2, gps("node", "learner", config, "--iterations", "many"));
        assertTrue(stderr().contains("--iterations") && stderr().contains("many"), stderr());
        assertEquals(2, gps("node", "learner", config, "--trial-timeout", "soon"));
        assertTrue(stderr().contains("--trial-timeout"), stderr());
        assertEquals(2, gps("node", "learner", config, "--no-such-option"));
        assertTrue(stderr().contains("--no-such-option"), stderr());
    }

    @Test
    void badConfigExits2WithOneLineBeforeConnectingToAMaster(@TempDir Path dir) throws IOException {
        assertEquals(2, gps("node", "learner", dir.resolve("missing.yaml").toString()));
        assertTrue(stderr().startsWith("gps: ") && stderr().contains("missing.yaml"), stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(NodeFixtures.armConfig()).replace("task: box2d_arm", "task: box3d_arm"));
        assertEquals(2, gps("node", "learner", bad.toString(), "__name:=learner_under_test"));
        assertTrue(stderr().contains("box3d_arm"), stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertFalse(stderr().contains("master"), stderr());
    }

    @Test
    void nonPositiveTrialTimeoutExits2() {
        assertEquals(2, gps("node", "learner", NodeFixtures.armConfig().toString(), "--trial-timeout", "0"));
        assertTrue(stderr().contains("--trial-timeout: expected a positive number of seconds"), stderr());
    }
}
