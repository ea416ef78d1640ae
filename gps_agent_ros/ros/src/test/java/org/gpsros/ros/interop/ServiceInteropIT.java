package org.gpsros.ros.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gpsros.msg.gps_msgs.ResetCondition;
import org.gpsros.msg.gps_msgs.ResetConditionRequest;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.std_srvs.Trigger;
import org.gpsros.msg.std_srvs.TriggerRequest;
import org.gpsros.msg.std_srvs.TriggerResponse;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.ServiceClient;
import org.gpsros.ros.api.ServiceException;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;

/** rosservice call/info on our servers; our clients against rospy servers. */
class ServiceInteropIT extends RosInteropTest {
    private void startTriggerServer() {
        AtomicInteger count = new AtomicInteger();
        startNode("trigger_node", n -> {
            n.newServiceServer("~reset", Trigger.TYPE, req -> new TriggerResponse(true,
                    "reset #" + count.incrementAndGet()));
            n.newServiceServer("/always_fails", Trigger.TYPE, req -> {
                throw new ServiceException("robot is not ready");
            });
            n.newServiceServer("/reset_condition", ResetCondition.TYPE, req -> new ResetConditionResponse(true,
                    "reset to condition " + req.condition()));
        });
    }

    @Test
    void rosserviceCallOnOurTriggerServer() {
        startTriggerServer();
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rosservice", "call", "/trigger_node/reset", "{}");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("success: True"), r.all());
        assertTrue(r.stdout().contains("message: \"reset #1\""), r.all());
        RosTools.Result gps = master.run(Duration.ofSeconds(20), "rosservice", "call", "/reset_condition",
                "condition: 3");
        assertEquals(0, gps.exitCode(), gps.all());
        assertTrue(gps.stdout().contains("message: \"reset to condition 3\""), gps.all());
    }

    @Test
    void rosserviceInfoProbesOurServer() {
        startTriggerServer();
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rosservice", "info", "/trigger_node/reset");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("Node: /trigger_node"), r.all());
        assertTrue(r.stdout().contains("Type: std_srvs/Trigger"), r.all());
        assertTrue(r.stdout().contains("URI: rosrpc://127.0.0.1:"), r.all());
        RosTools.Result type = master.run(Duration.ofSeconds(20), "rosservice", "type", "/reset_condition");
        assertEquals("gps_msgs/ResetCondition", type.stdout().strip(), type.all());
    }

    @Test
    void handlerErrorIsAnErrorReply() {
        startTriggerServer();
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rosservice", "call", "/always_fails", "{}");
        assertNotEquals(0, r.exitCode(), r.all());
        // rospy prints the error text as Python bytes: responded with an error: b'robot is not ready'
        assertTrue(r.stderr().contains("service [/always_fails] responded with an error: "), r.all());
        assertTrue(r.stderr().contains("robot is not ready"), r.all());
        // the server keeps serving
        RosTools.Result ok = master.run(Duration.ofSeconds(20), "rosservice", "call", "/trigger_node/reset", "{}");
        assertEquals(0, ok.exitCode(), ok.all());
    }

    @Test
    void ourClientsCallRospyServices() throws Exception {
        Path script = Path.of(getClass().getResource("/peers/rospy_services.py").toURI());
        try (RosTools.Running py = master.start("/usr/bin/python3", script.toString())) {
            assertTrue(py.awaitOutput("ready", Duration.ofSeconds(30)), py.stdout() + py.stderr());
            AtomicReference<ConnectedNode> node = new AtomicReference<>();
            startNode("client_node", node::set);
            ServiceClient<TriggerRequest, TriggerResponse> plain = node.get().newServiceClient("/py_trigger",
                    Trigger.TYPE);
            assertEquals(new TriggerResponse(true, "reset #1"), plain.call(new TriggerRequest()));
            assertEquals(new TriggerResponse(true, "reset #2"), plain.call(new TriggerRequest()));
            try (ServiceClient<TriggerRequest, TriggerResponse> persistent = node.get().newServiceClient(
                    "/py_trigger", Trigger.TYPE, true)) {
                assertEquals("reset #3", persistent.call(new TriggerRequest()).message());
                assertEquals("reset #4", persistent.call(new TriggerRequest()).message());
            }
            ServiceClient<ResetConditionRequest, ResetConditionResponse> reset = node.get().newServiceClient(
                    "/py_reset", ResetCondition.TYPE, true);
            assertEquals(new ResetConditionResponse(true, "reset to condition 2"),
                    reset.call(new ResetConditionRequest(2)));
            ServiceException remote = assertThrows(ServiceException.class,
                    () -> reset.call(new ResetConditionRequest(-1)));
            assertEquals(ServiceException.Reason.ERROR_REPLY, remote.reason());
            assertTrue(remote.getMessage().contains("condition must be >= 0, got -1"), remote.getMessage());
            // the persistent connection survives an error reply
            assertEquals("reset to condition 5", reset.call(new ResetConditionRequest(5)).message());
            ServiceException fail = assertThrows(ServiceException.class, () -> node.get()
                    .newServiceClient("/py_fail", Trigger.TYPE).call(new TriggerRequest()));
            assertEquals(ServiceException.Reason.ERROR_REPLY, fail.reason());
            assertTrue(fail.getMessage().contains("py_fail always fails"), fail.getMessage());
            ServiceException missing = assertThrows(ServiceException.class, () -> node.get()
                    .newServiceClient("/no_such_service", Trigger.TYPE).call(new TriggerRequest()));
            assertEquals(ServiceException.Reason.NOT_FOUND, missing.reason());
            ServiceException wrongType = assertThrows(ServiceException.class, () -> node.get()
                    .newServiceClient("/py_trigger", ResetCondition.TYPE).call(new ResetConditionRequest(1)));
            assertEquals(ServiceException.Reason.REJECTED, wrongType.reason());
        }
    }

    @Test
    void ourClientCallsOurServer() throws Exception {
        startTriggerServer();
        AtomicReference<ConnectedNode> node = new AtomicReference<>();
        startNode("client_node2", node::set);
        ServiceClient<TriggerRequest, TriggerResponse> c = node.get().newServiceClient("/trigger_node/reset",
                Trigger.TYPE, true);
        assertEquals("reset #1", c.call(new TriggerRequest()).message());
        assertEquals("reset #2", c.call(new TriggerRequest()).message());
        ServiceException e = assertThrows(ServiceException.class, () -> node.get().newServiceClient(
                "/always_fails", Trigger.TYPE).call(new TriggerRequest(), Duration.ofSeconds(5)));
        assertEquals(ServiceException.Reason.ERROR_REPLY, e.reason());
        assertEquals("service [/always_fails] responded with an error: robot is not ready", e.getMessage());
    }

    @Test
    void slowServiceTimesOutWithATypedError() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicReference<ConnectedNode> node = new AtomicReference<>();
        startNode("slow_node", n -> {
            node.set(n);
            n.newServiceServer("~slow", Trigger.TYPE, req -> {
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new TriggerResponse(true, "late");
            });
        });
        ServiceClient<TriggerRequest, TriggerResponse> c = node.get().newServiceClient("/slow_node/slow",
                Trigger.TYPE, true);
        ServiceException e = assertThrows(ServiceException.class, () -> c.call(new TriggerRequest(),
                Duration.ofMillis(300)));
        assertEquals(ServiceException.Reason.TIMEOUT, e.reason(), e.getMessage());
        release.countDown();
        // the client reconnects for the next call
        assertEquals("late", c.call(new TriggerRequest(), Duration.ofSeconds(10)).message());
        c.close();
        assertEquals(ServiceException.Reason.CLOSED, assertThrows(ServiceException.class,
                () -> c.call(new TriggerRequest())).reason());
    }
}
