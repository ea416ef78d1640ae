package org.gpsros.ros.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeArgumentsTest {
    @Test
    void roslaunchCommandLine() {
        // exactly what roslaunch passed to a Java node (shared/reference/ros1-on-debian.md §5)
        NodeArguments a = NodeArguments.parse("--mode", "test", "trial_command:=/gps_controller_trial_command",
                "__name:=gps_agent", "__log:=/tmp/log/run/gps_agent-1.log");
        assertEquals(List.of("--mode", "test"), a.programArguments());
        assertEquals(Map.of("trial_command", "/gps_controller_trial_command"), a.remappings());
        assertEquals("gps_agent", a.special("name").orElseThrow());
        assertEquals("/tmp/log/run/gps_agent-1.log", a.special("log").orElseThrow());
    }

    @Test
    void privateParametersAreYamlScalars() {
        NodeArguments a = NodeArguments.parse("_rate:=20.0", "_T:=100", "_arm:=left", "_real:=true",
                "_gains:=[1.0, 2.5, 3]", "_quoted:='007'", "_big:=1e3", "_neg:=-4", "_names:=[a, 'b c']");
        Map<String, Object> p = a.privateParameters();
        assertEquals(20.0, p.get("rate"));
        assertEquals(100, p.get("T"));
        assertEquals("left", p.get("arm"));
        assertEquals(Boolean.TRUE, p.get("real"));
        assertEquals(List.of(1.0, 2.5, 3), p.get("gains"));
        assertEquals("007", p.get("quoted"));
        assertEquals(1000.0, p.get("big"));
        assertEquals(-4, p.get("neg"));
        assertEquals(List.of("a", "b c"), p.get("names"));
    }

    @Test
    void specialKeys() {
        NodeArguments a = NodeArguments.parse("__ns:=/robot1", "__master:=http://127.0.0.1:1234",
                "__ip:=127.0.0.1", "__hostname:=localhost");
        assertEquals("/robot1", a.special("ns").orElseThrow());
        assertEquals("http://127.0.0.1:1234", a.special("master").orElseThrow());
        assertEquals("127.0.0.1", a.special("ip").orElseThrow());
        assertEquals("localhost", a.special("hostname").orElseThrow());
    }

    @Test
    void illegalRemappingIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeArguments.parse("a b:=c"));
        assertEquals("illegal remapping 'a b:=c': both sides must be legal graph names", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeArguments.parse("_/abs:=1"));
    }
}
