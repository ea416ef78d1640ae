package org.gpsros.ros.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gpsros.ros.names.GraphName;
import org.gpsros.ros.names.NodeArguments;

/**
 * How a node connects: master URI, namespace, name override, advertised host and bind address, remappings,
 * private parameters, ports, limits and timeouts. Immutable; make one with {@link #fromCommandLine} (ROS
 * conventions) or {@link #builder}.
 *
 * <p>Precedence (as rospy/roscpp): {@code __master:=} over {@code ROS_MASTER_URI}; {@code __ns:=} over
 * {@code ROS_NAMESPACE}; {@code __hostname:=}, {@code __ip:=}, {@code ROS_HOSTNAME}, {@code ROS_IP} in that order.
 * Unlike rospy, a node with none of them advertises {@code 127.0.0.1}, and a node whose host is a loopback name
 * binds its sockets to the loopback interface only; any other host binds all interfaces.
 */
public final class NodeConfiguration {
    /** {@code http://localhost:11311/}, the ROS default. */
    public static final URI DEFAULT_MASTER_URI = URI.create("http://localhost:11311/");

    private final URI masterUri;
    private final GraphName namespace;
    private final Optional<String> nodeName;
    private final String host;
    private final InetAddress bindAddress;
    private final Map<String, String> remappings;
    private final Map<String, Object> privateParameters;
    private final List<String> programArguments;
    private final int xmlRpcPort;
    private final int tcpRosPort;
    private final int maxThreads;
    private final int maxHeaderBytes;
    private final int maxMessageBytes;
    private final Duration callTimeout;
    private final Duration serviceTimeout;
    private final Duration headerTimeout;
    private final Duration masterPollInterval;
    private final Duration masterConnectTimeout;
    private final Duration shutdownTimeout;
    private final boolean shutdownHook;

    private NodeConfiguration(Builder b) {
        this.masterUri = Objects.requireNonNull(b.masterUri, "masterUri");
        if (!"http".equalsIgnoreCase(masterUri.getScheme()) || masterUri.getHost() == null) {
            throw new IllegalArgumentException("masterUri must be http://host:port/, got " + masterUri);
        }
        this.namespace = Objects.requireNonNull(b.namespace, "namespace");
        if (!namespace.isGlobal()) {
            throw new IllegalArgumentException("namespace must be global, got '" + namespace + "'");
        }
        this.nodeName = Objects.requireNonNull(b.nodeName, "nodeName");
        nodeName.ifPresent(n -> {
            GraphName g = GraphName.of(n);
            if (g.isPrivate() || g.isEmpty() || g.isRoot()) {
                throw new IllegalArgumentException("nodeName must be a relative or global name, got '" + n + "'");
            }
        });
        this.host = requireText(b.host, "host");
        this.bindAddress = Objects.requireNonNull(b.bindAddress, "bindAddress");
        this.remappings = Collections.unmodifiableMap(new LinkedHashMap<>(b.remappings));
        remappings.forEach((k, v) -> {
            GraphName.of(k);
            GraphName.of(v);
        });
        this.privateParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.privateParameters));
        this.programArguments = List.copyOf(b.programArguments);
        this.xmlRpcPort = port(b.xmlRpcPort, "xmlRpcPort");
        this.tcpRosPort = port(b.tcpRosPort, "tcpRosPort");
        this.maxThreads = atLeast(b.maxThreads, 4, "maxThreads");
        this.maxHeaderBytes = atLeast(b.maxHeaderBytes, 1024, "maxHeaderBytes");
        this.maxMessageBytes = atLeast(b.maxMessageBytes, 1, "maxMessageBytes");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        this.serviceTimeout = positive(b.serviceTimeout, "serviceTimeout");
        this.headerTimeout = positive(b.headerTimeout, "headerTimeout");
        this.masterPollInterval = Objects.requireNonNull(b.masterPollInterval, "masterPollInterval");
        if (masterPollInterval.isNegative()) {
            throw new IllegalArgumentException("masterPollInterval must be >= 0 (0 disables), got "
                    + masterPollInterval);
        }
        this.masterConnectTimeout = Objects.requireNonNull(b.masterConnectTimeout, "masterConnectTimeout");
        this.shutdownTimeout = positive(b.shutdownTimeout, "shutdownTimeout");
        this.shutdownHook = b.shutdownHook;
    }

    private static String requireText(String s, String field) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return s;
    }

    private static int port(int p, String field) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(field + " must be in [0, 65535] (0: any free port), got " + p);
        }
        return p;
    }

    private static int atLeast(int v, int min, String field) {
        if (v < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + v);
        }
        return v;
    }

    private static Duration positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0, got " + d);
        }
        return d;
    }

    /**
     * Reads the ROS command line and the process environment.
     *
     * @param args the command line ({@code from:=to}, {@code __name:=}, {@code _param:=value}, other arguments)
     * @return the configuration
     * @throws IllegalArgumentException if a ROS argument or variable is malformed
     */
    public static NodeConfiguration fromCommandLine(String... args) {
        return fromCommandLine(List.of(args), System.getenv());
    }

    /**
     * @param args the command line
     * @param env  environment variables (ROS_MASTER_URI, ROS_NAMESPACE, ROS_IP, ROS_HOSTNAME)
     * @return the configuration
     * @throws IllegalArgumentException if a ROS argument or variable is malformed
     */
    public static NodeConfiguration fromCommandLine(List<String> args, Map<String, String> env) {
        NodeArguments parsed = NodeArguments.parse(args);
        Builder b = builder();
        String master = parsed.special("master").orElse(nonEmpty(env.get("ROS_MASTER_URI")));
        if (master != null) {
            b.masterUri(URI.create(master));
        }
        String ns = parsed.special("ns").orElse(nonEmpty(env.get("ROS_NAMESPACE")));
        if (ns != null) {
            b.namespace(GraphName.of(ns.startsWith("/") ? ns : "/" + ns));
        }
        parsed.special("name").ifPresent(b::nodeName);
        String host = parsed.special("hostname").or(() -> parsed.special("ip"))
                .orElse(Optional.ofNullable(nonEmpty(env.get("ROS_HOSTNAME")))
                        .orElse(nonEmpty(env.get("ROS_IP"))));
        if (host != null) {
            b.host(host);
        }
        return b.remappings(parsed.remappings()).privateParameters(parsed.privateParameters())
                .programArguments(parsed.programArguments()).build();
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return a builder with the defaults (local master, root namespace, loopback) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.masterUri = masterUri;
        b.namespace = namespace;
        b.nodeName = nodeName;
        b.host = host;
        b.bindAddress = bindAddress;
        b.bindAddressSet = true;
        b.remappings = new LinkedHashMap<>(remappings);
        b.privateParameters = new LinkedHashMap<>(privateParameters);
        b.programArguments = programArguments;
        b.xmlRpcPort = xmlRpcPort;
        b.tcpRosPort = tcpRosPort;
        b.maxThreads = maxThreads;
        b.maxHeaderBytes = maxHeaderBytes;
        b.maxMessageBytes = maxMessageBytes;
        b.callTimeout = callTimeout;
        b.serviceTimeout = serviceTimeout;
        b.headerTimeout = headerTimeout;
        b.masterPollInterval = masterPollInterval;
        b.masterConnectTimeout = masterConnectTimeout;
        b.shutdownTimeout = shutdownTimeout;
        b.shutdownHook = shutdownHook;
        return b;
    }

    /** @return the master's XML-RPC URI */
    public URI masterUri() {
        return masterUri;
    }

    /** @return the node's namespace (global) */
    public GraphName namespace() {
        return namespace;
    }

    /** @return the node name from {@code __name:=}, replacing {@link NodeMain#defaultNodeName()} */
    public Optional<String> nodeName() {
        return nodeName;
    }

    /** @return the host name or IP put in this node's URIs */
    public String host() {
        return host;
    }

    /** @return the local address the node's sockets bind to */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** @return remappings {@code from -> to} as given */
    public Map<String, String> remappings() {
        return remappings;
    }

    /** @return private parameters from {@code _name:=value}, set on the master at start-up */
    public Map<String, Object> privateParameters() {
        return privateParameters;
    }

    /** @return the command-line arguments that are not ROS arguments */
    public List<String> programArguments() {
        return programArguments;
    }

    /** @return the slave XML-RPC port (0: any) */
    public int xmlRpcPort() {
        return xmlRpcPort;
    }

    /** @return the TCPROS port (0: any) */
    public int tcpRosPort() {
        return tcpRosPort;
    }

    /** @return the node's connection pool size: the most concurrent connections, dispatchers and links */
    public int maxThreads() {
        return maxThreads;
    }

    /** @return the largest TCPROS connection header accepted */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** @return the largest message (topic frame, service request or response) accepted */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** @return timeout of one XML-RPC call (master or another node) */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return default timeout of a service call */
    public Duration serviceTimeout() {
        return serviceTimeout;
    }

    /** @return how long a TCPROS peer may take to send its header */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** @return how often the master is polled for a restart (0: never) */
    public Duration masterPollInterval() {
        return masterPollInterval;
    }

    /** @return how long start-up waits for the master to answer */
    public Duration masterConnectTimeout() {
        return masterConnectTimeout;
    }

    /** @return the longest a shutdown waits for unregistration and threads */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** @return whether a JVM shutdown hook (SIGINT/SIGTERM) shuts the node down cleanly */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    @Override
    public String toString() {
        return "NodeConfiguration[master=" + masterUri + ", namespace=" + namespace + ", nodeName="
                + nodeName.orElse("(default)") + ", host=" + host + ", bind=" + bindAddress.getHostAddress()
                + ", remappings=" + remappings + ", privateParameters=" + privateParameters.keySet() + "]";
    }

    /** Builds a {@link NodeConfiguration}; every setter validates on {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private URI masterUri = DEFAULT_MASTER_URI;
        private GraphName namespace = GraphName.ROOT;
        private Optional<String> nodeName = Optional.empty();
        private String host = "127.0.0.1";
        private InetAddress bindAddress;
        private boolean bindAddressSet;
        private Map<String, String> remappings = new LinkedHashMap<>();
        private Map<String, Object> privateParameters = new LinkedHashMap<>();
        private List<String> programArguments = List.of();
        private int xmlRpcPort;
        private int tcpRosPort;
        private int maxThreads = 128;
        private int maxHeaderBytes = 1 << 20;
        private int maxMessageBytes = 256 << 20;
        private Duration callTimeout = Duration.ofSeconds(10);
        private Duration serviceTimeout = Duration.ofSeconds(60);
        private Duration headerTimeout = Duration.ofSeconds(5);
        private Duration masterPollInterval = Duration.ofSeconds(1);
        private Duration masterConnectTimeout = Duration.ofSeconds(30);
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private boolean shutdownHook = true;

        private Builder() {
        }

        /**
         * @param v the master URI
         * @return this builder
         */
        public Builder masterUri(URI v) {
            masterUri = v;
            return this;
        }

        /**
         * @param v the namespace (global)
         * @return this builder
         */
        public Builder namespace(GraphName v) {
            namespace = v;
            return this;
        }

        /**
         * @param v node name overriding the NodeMain's default
         * @return this builder
         */
        public Builder nodeName(String v) {
            nodeName = Optional.ofNullable(v);
            return this;
        }

        /**
         * @param v host name or IP advertised; unless {@link #bindAddress} is set, a loopback host binds loopback
         *          only and any other host binds all interfaces
         * @return this builder
         */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /**
         * @param v local address to bind
         * @return this builder
         */
        public Builder bindAddress(InetAddress v) {
            bindAddress = v;
            bindAddressSet = v != null;
            return this;
        }

        /**
         * @param v remappings {@code from -> to}
         * @return this builder
         */
        public Builder remappings(Map<String, String> v) {
            remappings = new LinkedHashMap<>(v);
            return this;
        }

        /**
         * @param from name as used in the code
         * @param to   name it stands for
         * @return this builder
         */
        public Builder remap(String from, String to) {
            remappings.put(from, to);
            return this;
        }

        /**
         * @param v private parameters set at start-up
         * @return this builder
         */
        public Builder privateParameters(Map<String, Object> v) {
            privateParameters = new LinkedHashMap<>(v);
            return this;
        }

        /**
         * @param v non-ROS command-line arguments
         * @return this builder
         */
        public Builder programArguments(List<String> v) {
            programArguments = v;
            return this;
        }

        /**
         * @param v slave XML-RPC port (0: any)
         * @return this builder
         */
        public Builder xmlRpcPort(int v) {
            xmlRpcPort = v;
            return this;
        }

        /**
         * @param v TCPROS port (0: any)
         * @return this builder
         */
        public Builder tcpRosPort(int v) {
            tcpRosPort = v;
            return this;
        }

        /**
         * @param v the node's connection pool size
         * @return this builder
         */
        public Builder maxThreads(int v) {
            maxThreads = v;
            return this;
        }

        /**
         * @param v largest connection header accepted
         * @return this builder
         */
        public Builder maxHeaderBytes(int v) {
            maxHeaderBytes = v;
            return this;
        }

        /**
         * @param v largest message accepted
         * @return this builder
         */
        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        /**
         * @param v XML-RPC call timeout
         * @return this builder
         */
        public Builder callTimeout(Duration v) {
            callTimeout = v;
            return this;
        }

        /**
         * @param v default service call timeout
         * @return this builder
         */
        public Builder serviceTimeout(Duration v) {
            serviceTimeout = v;
            return this;
        }

        /**
         * @param v TCPROS header timeout
         * @return this builder
         */
        public Builder headerTimeout(Duration v) {
            headerTimeout = v;
            return this;
        }

        /**
         * @param v master poll interval (0 disables re-registration after a master restart)
         * @return this builder
         */
        public Builder masterPollInterval(Duration v) {
            masterPollInterval = v;
            return this;
        }

        /**
         * @param v how long start-up waits for the master
         * @return this builder
         */
        public Builder masterConnectTimeout(Duration v) {
            masterConnectTimeout = v;
            return this;
        }

        /**
         * @param v longest shutdown wait
         * @return this builder
         */
        public Builder shutdownTimeout(Duration v) {
            shutdownTimeout = v;
            return this;
        }

        /**
         * @param v install a JVM shutdown hook that shuts the node down on SIGINT/SIGTERM
         * @return this builder
         */
        public Builder shutdownHook(boolean v) {
            shutdownHook = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first invalid field
         */
        public NodeConfiguration build() {
            if (!bindAddressSet) {
                bindAddress = defaultBind(host);
            }
            return new NodeConfiguration(this);
        }

        private static InetAddress defaultBind(String host) {
            try {
                if (host == null) {
                    return InetAddress.getLoopbackAddress();
                }
                String h = host.strip();
                boolean loopback = h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
                if (!loopback) {
                    try {
                        loopback = InetAddress.getByName(h).isLoopbackAddress();
                    } catch (UnknownHostException e) {
                        loopback = false;
                    }
                }
                return loopback ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("0.0.0.0");
            } catch (UnknownHostException e) {
                throw new IllegalStateException("cannot make a literal address", e);
            }
        }
    }
}
