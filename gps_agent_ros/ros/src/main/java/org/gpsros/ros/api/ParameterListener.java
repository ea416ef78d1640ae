package org.gpsros.ros.api;

import org.gpsros.ros.names.GraphName;

/** Told when a subscribed parameter (or anything below it) changes. */
@FunctionalInterface
public interface ParameterListener {
    /**
     * Called on an XML-RPC worker thread; must return quickly.
     *
     * @param name  the changed parameter's global name
     * @param value its new value; an empty map when it was deleted
     */
    void onParameterChanged(GraphName name, Object value);
}
