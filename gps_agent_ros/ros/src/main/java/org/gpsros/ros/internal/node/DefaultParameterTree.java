package org.gpsros.ros.internal.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gpsros.ros.api.ParameterListener;
import org.gpsros.ros.api.ParameterNotFoundException;
import org.gpsros.ros.api.ParameterTree;
import org.gpsros.ros.api.ParameterTypeException;
import org.gpsros.ros.api.RosException;
import org.gpsros.ros.internal.master.ApiCallException;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;
import org.gpsros.ros.names.GraphName;

/**
 * {@link ParameterTree} on the master's parameter server API, names resolved (and remapped) by the node.
 * Subscriptions are kept to be renewed after a master restart; {@code paramUpdate} calls are dispatched to the
 * listeners whose subscribed name is the updated key or one of its parents or children.
 */
final class DefaultParameterTree implements ParameterTree {
    private final DefaultNode node;
    private final Map<GraphName, List<ParameterListener>> listeners = new ConcurrentHashMap<>();

    DefaultParameterTree(DefaultNode node) {
        this.node = node;
    }

    private String key(String name) {
        return node.resolveName(name).toString();
    }

    private static RosException failure(String what, String key, XmlRpcException e) {
        return new RosException(what + "(" + key + ") failed: " + e.getMessage(), e);
    }

    @Override
    public boolean has(String name) {
        String key = key(name);
        try {
            return node.master().hasParam(key);
        } catch (XmlRpcException e) {
            throw failure("hasParam", key, e);
        }
    }

    @Override
    public Optional<Object> get(String name) {
        String key = key(name);
        try {
            return Optional.ofNullable(node.master().getParam(key));
        } catch (ApiCallException e) {
            return Optional.empty();
        } catch (XmlRpcException e) {
            throw failure("getParam", key, e);
        }
    }

    private Object require(String name) {
        return get(name).orElseThrow(() -> new ParameterNotFoundException(key(name)));
    }

    @Override
    public String getString(String name) {
        return asString(name, require(name));
    }

    @Override
    public String getString(String name, String defaultValue) {
        return get(name).map(v -> asString(name, v)).orElse(defaultValue);
    }

    private String asString(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new ParameterTypeException(key(name), "a string", v);
    }

    @Override
    public int getInteger(String name) {
        return asInteger(name, require(name));
    }

    @Override
    public int getInteger(String name, int defaultValue) {
        return get(name).map(v -> asInteger(name, v)).orElse(defaultValue);
    }

    private int asInteger(String name, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        throw new ParameterTypeException(key(name), "an integer", v);
    }

    @Override
    public double getDouble(String name) {
        return asDouble(name, require(name));
    }

    @Override
    public double getDouble(String name, double defaultValue) {
        return get(name).map(v -> asDouble(name, v)).orElse(defaultValue);
    }

    private double asDouble(String name, Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new ParameterTypeException(key(name), "a number", v);
    }

    @Override
    public boolean getBoolean(String name) {
        return asBoolean(name, require(name));
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(v -> asBoolean(name, v)).orElse(defaultValue);
    }

    private boolean asBoolean(String name, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ParameterTypeException(key(name), "a boolean", v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> getList(String name) {
        Object v = require(name);
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ParameterTypeException(key(name), "a list", v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String name) {
        Object v = require(name);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ParameterTypeException(key(name), "a map", v);
    }

    @Override
    public void set(String name, Object value) {
        String key = key(name);
        try {
            node.master().setParam(key, value);
        } catch (XmlRpcException e) {
            throw failure("setParam", key, e);
        }
    }

    @Override
    public boolean delete(String name) {
        String key = key(name);
        try {
            node.master().deleteParam(key);
            return true;
        } catch (ApiCallException e) {
            return false;
        } catch (XmlRpcException e) {
            throw failure("deleteParam", key, e);
        }
    }

    @Override
    public Optional<GraphName> search(String name) {
        try {
            return node.master().searchParam(name).map(GraphName::of);
        } catch (XmlRpcException e) {
            throw failure("searchParam", name, e);
        }
    }

    @Override
    public List<GraphName> names() {
        try {
            List<GraphName> out = new ArrayList<>();
            for (String n : node.master().getParamNames()) {
                out.add(GraphName.of(n));
            }
            return out;
        } catch (XmlRpcException e) {
            throw failure("getParamNames", "", e);
        }
    }

    @Override
    public Object subscribe(String name, ParameterListener listener) {
        GraphName key = node.resolveName(name);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        try {
            return node.master().subscribeParam(node.uri(), key.toString());
        } catch (XmlRpcException e) {
            throw failure("subscribeParam", key.toString(), e);
        }
    }

    void resubscribeAll() throws XmlRpcException {
        for (GraphName key : listeners.keySet()) {
            node.master().subscribeParam(node.uri(), key.toString());
        }
    }

    void unsubscribeAll(long deadline) {
        for (GraphName key : listeners.keySet()) {
            if (System.nanoTime() - deadline > 0) {
                return;
            }
            try {
                node.master().unsubscribeParam(node.uri(), key.toString());
            } catch (XmlRpcException e) {
                return;
            }
        }
        listeners.clear();
    }

    /** A {@code paramUpdate} from the master: key is global, usually with a trailing {@code /}. */
    void updated(String rawKey, Object value) {
        GraphName key;
        try {
            key = GraphName.of(rawKey);
        } catch (IllegalArgumentException e) {
            return;
        }
        listeners.forEach((subscribed, list) -> {
            if (key.isIn(subscribed) || subscribed.isIn(key)) {
                for (ParameterListener l : list) {
                    try {
                        l.onParameterChanged(key, value);
                    } catch (RuntimeException e) {
                        node.log().log(System.Logger.Level.WARNING, "parameter listener of " + subscribed
                                + " failed", e);
                    }
                }
            }
        });
    }
}
