package org.gpsros.ros.internal.master;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gpsros.ros.internal.xmlrpc.XmlRpcClient;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;

/**
 * Typed calls of the ROS master API (ROS wiki "ROS/Master_API" and "ROS/Parameter_Server_API") made on behalf of
 * one node. Names passed in are sent as given: resolve them first. Thread-safe.
 */
public final class MasterClient {
    private final URI masterUri;
    private final XmlRpcClient xmlRpc;
    private final String callerId;

    /**
     * @param masterUri the master's XML-RPC URI
     * @param xmlRpc    the node's XML-RPC client
     * @param callerId  the node's global name
     */
    public MasterClient(URI masterUri, XmlRpcClient xmlRpc, String callerId) {
        this.masterUri = masterUri;
        this.xmlRpc = xmlRpc;
        this.callerId = callerId;
    }

    /** @return the master's URI */
    public URI masterUri() {
        return masterUri;
    }

    /** @return the caller id sent with every call */
    public String callerId() {
        return callerId;
    }

    private Object call(String method, Object... args) throws XmlRpcException {
        List<Object> params = new ArrayList<>(args.length + 1);
        params.add(callerId);
        params.addAll(List.of(args));
        return ApiReplies.value(method, xmlRpc.call(masterUri, method, params));
    }

    /**
     * @param topic     resolved topic name
     * @param type      ROS message type
     * @param callerApi this node's slave URI
     * @return XML-RPC URIs of the current subscribers
     * @throws XmlRpcException if the call fails
     */
    public List<String> registerPublisher(String topic, String type, URI callerApi) throws XmlRpcException {
        return ApiReplies.strings("registerPublisher", call("registerPublisher", topic, type, callerApi.toString()));
    }

    /**
     * @param topic     resolved topic name
     * @param callerApi this node's slave URI
     * @return number unregistered (0 if not registered)
     * @throws XmlRpcException if the call fails
     */
    public int unregisterPublisher(String topic, URI callerApi) throws XmlRpcException {
        return ApiReplies.integer("unregisterPublisher", call("unregisterPublisher", topic, callerApi.toString()));
    }

    /**
     * @param topic     resolved topic name
     * @param type      ROS message type
     * @param callerApi this node's slave URI
     * @return XML-RPC URIs of the current publishers
     * @throws XmlRpcException if the call fails
     */
    public List<String> registerSubscriber(String topic, String type, URI callerApi) throws XmlRpcException {
        return ApiReplies.strings("registerSubscriber",
                call("registerSubscriber", topic, type, callerApi.toString()));
    }

    /**
     * @param topic     resolved topic name
     * @param callerApi this node's slave URI
     * @return number unregistered
     * @throws XmlRpcException if the call fails
     */
    public int unregisterSubscriber(String topic, URI callerApi) throws XmlRpcException {
        return ApiReplies.integer("unregisterSubscriber", call("unregisterSubscriber", topic, callerApi.toString()));
    }

    /**
     * @param service    resolved service name
     * @param serviceApi {@code rosrpc://host:port} of this node's TCPROS server
     * @param callerApi  this node's slave URI
     * @throws XmlRpcException if the call fails
     */
    public void registerService(String service, URI serviceApi, URI callerApi) throws XmlRpcException {
        call("registerService", service, serviceApi.toString(), callerApi.toString());
    }

    /**
     * @param service    resolved service name
     * @param serviceApi the URI it was registered with
     * @return number unregistered
     * @throws XmlRpcException if the call fails
     */
    public int unregisterService(String service, URI serviceApi) throws XmlRpcException {
        return ApiReplies.integer("unregisterService", call("unregisterService", service, serviceApi.toString()));
    }

    /**
     * @param service resolved service name
     * @return the provider's {@code rosrpc://host:port}
     * @throws ApiCallException if no node provides it
     * @throws XmlRpcException  if the call fails
     */
    public URI lookupService(String service) throws XmlRpcException {
        return URI.create(ApiReplies.string("lookupService", call("lookupService", service)));
    }

    /**
     * @param node a node's global name
     * @return its slave URI
     * @throws ApiCallException if the master does not know the node
     * @throws XmlRpcException  if the call fails
     */
    public URI lookupNode(String node) throws XmlRpcException {
        return URI.create(ApiReplies.string("lookupNode", call("lookupNode", node)));
    }

    /**
     * @return the master's {@code getSystemState}
     * @throws XmlRpcException if the call fails
     */
    public SystemState getSystemState() throws XmlRpcException {
        List<?> state = ApiReplies.list("getSystemState", call("getSystemState"));
        if (state.size() != 3) {
            throw new XmlRpcException("getSystemState: expected [publishers, subscribers, services], got " + state);
        }
        return new SystemState(section(state.get(0)), section(state.get(1)), section(state.get(2)));
    }

    private static Map<String, List<String>> section(Object value) throws XmlRpcException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object entry : ApiReplies.list("getSystemState", value)) {
            List<?> pair = ApiReplies.list("getSystemState", entry);
            if (pair.size() != 2) {
                throw new XmlRpcException("getSystemState: expected [name, [nodes]], got " + pair);
            }
            out.put(ApiReplies.string("getSystemState", pair.get(0)), ApiReplies.strings("getSystemState",
                    pair.get(1)));
        }
        return out;
    }

    /**
     * @return topic name -> message type, for every topic with a publisher or subscriber
     * @throws XmlRpcException if the call fails
     */
    public Map<String, String> getTopicTypes() throws XmlRpcException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object entry : ApiReplies.list("getTopicTypes", call("getTopicTypes"))) {
            List<?> pair = ApiReplies.list("getTopicTypes", entry);
            out.put(ApiReplies.string("getTopicTypes", pair.get(0)), ApiReplies.string("getTopicTypes", pair.get(1)));
        }
        return out;
    }

    /**
     * @return the master process id (changes when the master restarts)
     * @throws XmlRpcException if the call fails
     */
    public int getPid() throws XmlRpcException {
        return ApiReplies.integer("getPid", call("getPid"));
    }

    /**
     * @return the master's own idea of its URI
     * @throws XmlRpcException if the call fails
     */
    public String getUri() throws XmlRpcException {
        return ApiReplies.string("getUri", call("getUri"));
    }

    // ---------------------------------------------------------------------------------------------- parameters

    /**
     * @param key resolved parameter name
     * @return its value (a struct for a namespace)
     * @throws ApiCallException if it is not set
     * @throws XmlRpcException  if the call fails
     */
    public Object getParam(String key) throws XmlRpcException {
        return call("getParam", key);
    }

    /**
     * @param key   resolved parameter name
     * @param value the value (a Map sets a whole namespace)
     * @throws XmlRpcException if the call fails
     */
    public void setParam(String key, Object value) throws XmlRpcException {
        call("setParam", key, value);
    }

    /**
     * @param key resolved parameter name
     * @return whether it is set
     * @throws XmlRpcException if the call fails
     */
    public boolean hasParam(String key) throws XmlRpcException {
        Object v = call("hasParam", key);
        if (!(v instanceof Boolean b)) {
            throw new XmlRpcException("hasParam: expected a boolean, got " + v);
        }
        return b;
    }

    /**
     * @param key resolved parameter name
     * @throws ApiCallException if it was not set
     * @throws XmlRpcException  if the call fails
     */
    public void deleteParam(String key) throws XmlRpcException {
        call("deleteParam", key);
    }

    /**
     * Searches upwards from the caller's namespace (the caller id's namespace) for a key.
     *
     * @param key a relative key
     * @return the closest matching global name, if any
     * @throws XmlRpcException if the call fails
     */
    public Optional<String> searchParam(String key) throws XmlRpcException {
        try {
            return Optional.of(ApiReplies.string("searchParam", call("searchParam", key)));
        } catch (ApiCallException e) {
            return Optional.empty();
        }
    }

    /**
     * @param callerApi this node's slave URI (receives paramUpdate)
     * @param key       resolved parameter name
     * @return its current value, an empty map if not set
     * @throws XmlRpcException if the call fails
     */
    public Object subscribeParam(URI callerApi, String key) throws XmlRpcException {
        return call("subscribeParam", callerApi.toString(), key);
    }

    /**
     * @param callerApi this node's slave URI
     * @param key       resolved parameter name
     * @return 1 if unsubscribed, 0 if not subscribed
     * @throws XmlRpcException if the call fails
     */
    public int unsubscribeParam(URI callerApi, String key) throws XmlRpcException {
        return ApiReplies.integer("unsubscribeParam", call("unsubscribeParam", callerApi.toString(), key));
    }

    /**
     * @return every parameter name
     * @throws XmlRpcException if the call fails
     */
    public List<String> getParamNames() throws XmlRpcException {
        return ApiReplies.strings("getParamNames", call("getParamNames"));
    }
}
