package org.gpsros.ros.internal.master;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.gpsros.ros.internal.xmlrpc.XmlRpcFaultException;
import org.gpsros.ros.internal.xmlrpc.XmlRpcHandler;

/**
 * The slave XML-RPC API of a node (ROS wiki "ROS/Slave_API"), as the ROS tools call it: {@code getBusStats},
 * {@code getBusInfo}, {@code getMasterUri}, {@code shutdown}, {@code getPid}, {@code getSubscriptions},
 * {@code getPublications}, {@code paramUpdate}, {@code publisherUpdate} and {@code requestTopic} (TCPROS only).
 * Wrong arguments are answered {@code [-1, reason, 0]} as rospy's {@code apivalidate} does; unknown methods get an
 * XML-RPC fault.
 */
public final class SlaveApi implements XmlRpcHandler {
    private static final System.Logger LOG = System.getLogger(SlaveApi.class.getName());
    private final SlaveCallbacks node;

    /** @param node the node answering the calls */
    public SlaveApi(SlaveCallbacks node) {
        this.node = node;
    }

    @Override
    public Object call(String method, List<Object> params) throws XmlRpcFaultException {
        if (params.isEmpty() || !(params.get(0) instanceof String callerId)) {
            if (isKnown(method)) {
                return ApiReplies.reply(-1, method + ": the first argument must be the caller id (a string)", 0);
            }
            throw new XmlRpcFaultException(1, "method \"" + method + "\" is not supported");
        }
        switch (method) {
            case "getBusStats":
                return ApiReplies.reply(1, "bus stats", node.busStats());
            case "getBusInfo":
                return ApiReplies.reply(1, "bus info", node.busInfo());
            case "getMasterUri":
                return ApiReplies.reply(1, "", node.masterUri().toString());
            case "shutdown": {
                String reason = params.size() > 1 && params.get(1) instanceof String s ? s : "";
                LOG.log(System.Logger.Level.INFO, "shutdown requested by " + callerId
                        + (reason.isEmpty() ? "" : ": " + reason));
                node.shutdownRequested(callerId, reason);
                return ApiReplies.reply(1, "shutdown", 0);
            }
            case "getPid":
                return ApiReplies.reply(1, "", (int) node.pid());
            case "getSubscriptions":
                return ApiReplies.reply(1, "subscriptions", node.subscriptions());
            case "getPublications":
                return ApiReplies.reply(1, "publications", node.publications());
            case "paramUpdate":
                if (params.size() != 3 || !(params.get(1) instanceof String key)) {
                    return ApiReplies.reply(-1, "paramUpdate(caller_id, key, value) expected", 0);
                }
                node.paramUpdate(key, params.get(2));
                return ApiReplies.reply(1, "", 0);
            case "publisherUpdate":
                return publisherUpdate(params);
            case "requestTopic":
                return requestTopic(params);
            default:
                throw new XmlRpcFaultException(1, "method \"" + method + "\" is not supported");
        }
    }

    private static boolean isKnown(String method) {
        return switch (method) {
            case "getBusStats", "getBusInfo", "getMasterUri", "shutdown", "getPid", "getSubscriptions",
                    "getPublications", "paramUpdate", "publisherUpdate", "requestTopic" -> true;
            default -> false;
        };
    }

    private Object publisherUpdate(List<Object> params) {
        if (params.size() != 3 || !(params.get(1) instanceof String topic) || !(params.get(2) instanceof List<?> uris)
                || !uris.stream().allMatch(u -> u instanceof String)) {
            return ApiReplies.reply(-1, "publisherUpdate(caller_id, topic, [publisher URIs]) expected", 0);
        }
        node.publisherUpdate(topic, uris.stream().map(String.class::cast).toList());
        return ApiReplies.reply(1, "", 0);
    }

    private Object requestTopic(List<Object> params) {
        if (params.size() != 3 || !(params.get(1) instanceof String topic) || !(params.get(2) instanceof List<?>
                protocols)) {
            return ApiReplies.reply(-1, "requestTopic(caller_id, topic, [[protocol, ...], ...]) expected", List.of());
        }
        Optional<InetSocketAddress> endpoint = node.tcpRosEndpoint(topic);
        if (endpoint.isEmpty()) {
            return ApiReplies.reply(-1, "not a publisher of [" + topic + "]", List.of());
        }
        for (Object p : protocols) {
            if (p instanceof List<?> protocol && !protocol.isEmpty() && "TCPROS".equals(protocol.get(0))) {
                InetSocketAddress a = endpoint.get();
                return ApiReplies.reply(1, "ready on " + a.getHostString() + ":" + a.getPort(),
                        List.of("TCPROS", a.getHostString(), a.getPort()));
            }
        }
        return ApiReplies.reply(0, "no supported protocol implementations", List.of());
    }
}
