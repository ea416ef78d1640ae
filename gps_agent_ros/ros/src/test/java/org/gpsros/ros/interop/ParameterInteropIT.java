package org.gpsros.ros.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.ParameterNotFoundException;
import org.gpsros.ros.api.ParameterTree;
import org.gpsros.ros.api.ParameterTypeException;
import org.gpsros.ros.names.GraphName;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;

/** rosparam set/get against our parameter API: scalars, lists, YAML maps, private names, subscriptions. */
class ParameterInteropIT extends RosInteropTest {
    private ParameterTree params(String nodeName, String... args) {
        AtomicReference<ConnectedNode> node = new AtomicReference<>();
        startNode(config().privateParameters(org.gpsros.ros.names.NodeArguments.parse(args).privateParameters()),
                nodeName, node::set);
        return node.get().parameters();
    }

    private void rosparam(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "rosparam";
        System.arraycopy(args, 0, cmd, 1, args.length);
        RosTools.Result r = master.run(Duration.ofSeconds(20), cmd);
        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    void rosparamSetThenOurGet() {
        ParameterTree p = params("reader");
        rosparam("set", "/gps/T", "100");
        rosparam("set", "/gps/gains", "[1.0, 2.5, 3]");
        rosparam("set", "/gps/cfg", "{a: 1, b: {c: [1.0, 2.5], name: left}, flag: true}");
        assertEquals(100, p.getInteger("/gps/T"));
        assertEquals(100.0, p.getDouble("/gps/T"));
        assertEquals(List.of(1.0, 2.5, 3), p.getList("/gps/gains"));
        Map<String, Object> cfg = p.getMap("/gps/cfg");
        assertEquals(Map.of("a", 1, "b", Map.of("c", List.of(1.0, 2.5), "name", "left"), "flag", true), cfg);
        assertEquals("left", p.getString("/gps/cfg/b/name"));
        // the whole namespace reads as a nested map
        assertEquals(cfg, ((Map<?, ?>) p.getMap("/gps").get("cfg")));
        assertThrows(ParameterNotFoundException.class, () -> p.getInteger("/gps/nope"));
        assertEquals(5, p.getInteger("/gps/nope", 5));
        assertThrows(ParameterTypeException.class, () -> p.getString("/gps/T"));
    }

    @Test
    void ourSetThenRosparamGet() {
        ParameterTree p = params("writer");
        p.set("~arm", "left");
        p.set("~rate", 20.0);
        p.set("~gains", List.of(1.0, 2.5));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("dX", 26);
        nested.put("names", List.of("a", "b"));
        p.set("~lingauss", nested);
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rosparam", "get", "/writer/gains");
        assertEquals("- 1.0\n- 2.5", r.stdout().strip(), r.all());
        RosTools.Result all = master.run(Duration.ofSeconds(20), "rosparam", "get", "/writer");
        assertEquals(0, all.exitCode(), all.all());
        for (String line : List.of("arm: left", "rate: 20.0", "dX: 26", "- a")) {
            assertTrue(all.stdout().contains(line), "missing '" + line + "' in\n" + all.all());
        }
        assertTrue(p.has("~arm"));
        assertTrue(p.delete("~arm"));
        assertFalse(p.has("/writer/arm"));
        assertFalse(p.delete("~arm"));
    }

    @Test
    void commandLinePrivateParametersAreOnTheMaster() {
        ParameterTree p = params("private_node", "_rate:=20.0", "_T:=100", "_arm:=left");
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rosparam", "get", "/private_node/rate");
        assertEquals("20.0", r.stdout().strip(), r.all());
        assertEquals(100, p.getInteger("~T"));
        assertEquals("left", p.getString("/private_node/arm"));
        assertTrue(p.names().contains(GraphName.of("/private_node/T")));
    }

    @Test
    void subscribedParameterChangesAreDelivered() throws Exception {
        ParameterTree p = params("watcher");
        CompletableFuture<Object> changed = new CompletableFuture<>();
        Object initial = p.subscribe("~watched", (name, value) -> {
            if (name.equals(GraphName.of("/watcher/watched"))) {
                changed.complete(value);
            }
        });
        assertEquals(Map.of(), initial);
        rosparam("set", "/watcher/watched", "5");
        assertEquals(5, changed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void searchFindsTheClosestNamespace() {
        rosparam("set", "/robot_description_x", "urdf");
        ParameterTree p = params("searcher");
        assertEquals(GraphName.of("/robot_description_x"), p.search("robot_description_x").orElseThrow());
        assertTrue(p.search("no_such_key_anywhere").isEmpty());
    }
}
