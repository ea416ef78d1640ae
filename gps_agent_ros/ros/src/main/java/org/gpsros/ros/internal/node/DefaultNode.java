package org.gpsros.ros.internal.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.msg.runtime.Time;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.MessageListener;
import org.gpsros.ros.api.NodeConfiguration;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.ParameterTree;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.RosException;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.ServiceClient;
import org.gpsros.ros.api.ServiceHandler;
import org.gpsros.ros.api.ServiceServer;
import org.gpsros.ros.api.Subscriber;
import org.gpsros.ros.internal.master.ApiCallException;
import org.gpsros.ros.internal.master.MasterClient;
import org.gpsros.ros.internal.master.SlaveApi;
import org.gpsros.ros.internal.master.SlaveCallbacks;
import org.gpsros.ros.internal.tcpros.ServiceEndpoint;
import org.gpsros.ros.internal.tcpros.TcpRosContext;
import org.gpsros.ros.internal.tcpros.TcpRosServer;
import org.gpsros.ros.internal.tcpros.TopicPublication;
import org.gpsros.ros.internal.tcpros.TopicSubscription;
import org.gpsros.ros.internal.xmlrpc.NamedThreads;
import org.gpsros.ros.internal.xmlrpc.XmlRpcClient;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;
import org.gpsros.ros.internal.xmlrpc.XmlRpcServer;
import org.gpsros.ros.names.GraphName;
import org.gpsros.ros.names.NameResolver;

/**
 * The node: wires the slave API server, the TCPROS server, the master client, a bounded pool for connection tasks
 * (size {@link NodeConfiguration#maxThreads()}, refusing work beyond it) and one timer thread; keeps the
 * registrations and re-registers them all when the master restarts (its pid changes) or comes back after being
 * unreachable, polling {@code getPid} every {@link NodeConfiguration#masterPollInterval()}.
 */
public final class DefaultNode implements ConnectedNode, RosNode, SlaveCallbacks {
    private static final int XMLRPC_THREADS = 4;
    private static final int MAX_XMLRPC_REQUEST_BYTES = 64 << 20;
    private static final long SHUTDOWN_REPLY_GRACE_MS = 100;

    private enum State { RUNNING, SHUTTING_DOWN, SHUT_DOWN }

    private final NodeMain main;
    private final NodeConfiguration config;
    private final NameResolver resolver;
    private final GraphName name;
    private final System.Logger log;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final XmlRpcClient xmlRpc;
    private final MasterClient master;
    private final XmlRpcServer slaveServer;
    private final TcpRosServer tcpRosServer;
    private final TcpRosContext tcpRos;
    private final URI slaveUri;
    private final URI serviceUriBase;
    private final DefaultParameterTree parameters;
    private final ReentrantLock registration = new ReentrantLock();
    private final Map<String, PublicationEntry> publications = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionEntry> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ServiceServerHandle<?, ?>> services = new ConcurrentHashMap<>();
    private final List<ServiceClientHandle<?, ?>> serviceClients = new CopyOnWriteArrayList<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicReference<Time> simTime = new AtomicReference<>();
    private volatile Thread shutdownHook;
    private volatile ScheduledFuture<?> masterWatch;
    private volatile int masterPid = -1;
    private volatile boolean masterLost;
    private volatile boolean useSimTime;

    /** Publishers of one topic and their shared publication. */
    private record PublicationEntry(TopicPublication publication, List<PublisherHandle<?>> handles) {
    }

    /** Subscribers of one topic and their shared subscription. */
    private record SubscriptionEntry(TopicSubscription<?> subscription, List<SubscriberHandle<?>> handles) {
    }

    private DefaultNode(NodeMain main, NodeConfiguration config) throws IOException {
        this.main = main;
        this.config = config;
        String base = config.nodeName().orElseGet(() -> main.defaultNodeName().toString());
        this.name = config.namespace().join(GraphName.of(base));
        this.resolver = NameResolver.of(name, config.remappings());
        this.log = System.getLogger("org.gpsros.ros.node" + name.toString().replace('/', '.'));
        String threadPrefix = "ros" + name;
        this.pool = new ThreadPoolExecutor(0, config.maxThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                NamedThreads.daemon(threadPrefix + "-io"));
        this.timer = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon(threadPrefix + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.xmlRpc = new XmlRpcClient(config.callTimeout(), 2, threadPrefix + "-http");
        this.master = new MasterClient(config.masterUri(), xmlRpc, name.toString());
        this.tcpRos = new TcpRosContext(name.toString(), pool, timer, xmlRpc, config.maxHeaderBytes(),
                config.maxMessageBytes(), config.headerTimeout(), config.callTimeout());
        XmlRpcServer slave = null;
        TcpRosServer tcp = null;
        try {
            slave = new XmlRpcServer(new InetSocketAddress(config.bindAddress(), config.xmlRpcPort()),
                    new SlaveApi(this), XMLRPC_THREADS, MAX_XMLRPC_REQUEST_BYTES, threadPrefix + "-xmlrpc");
            tcp = new TcpRosServer(new InetSocketAddress(config.bindAddress(), config.tcpRosPort()), tcpRos,
                    new TcpRosServer.Router() {
                        @Override
                        public Optional<TopicPublication> publication(String topic) {
                            PublicationEntry e = publications.get(topic);
                            return Optional.ofNullable(e == null ? null : e.publication());
                        }

                        @Override
                        public Optional<ServiceEndpoint<?, ?>> service(String service) {
                            ServiceServerHandle<?, ?> s = services.get(service);
                            return Optional.ofNullable(s == null ? null : s.endpoint());
                        }
                    });
        } catch (IOException | RuntimeException e) {
            if (slave != null) {
                slave.close();
            }
            if (tcp != null) {
                tcp.close();
            }
            pool.shutdownNow();
            timer.shutdownNow();
            xmlRpc.close();
            throw e;
        }
        this.slaveServer = slave;
        this.tcpRosServer = tcp;
        String host = hostForUri(config.host());
        this.slaveUri = URI.create("http://" + host + ":" + slaveServer.address().getPort() + "/");
        this.serviceUriBase = URI.create("rosrpc://" + host + ":" + tcpRosServer.port());
        this.parameters = new DefaultParameterTree(this);
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Starts a node: binds its servers, waits for the master, sets private parameters from the command line, sets
     * up ROS time, starts the master watch and calls {@link NodeMain#onStart}.
     *
     * @param main   the program
     * @param config the configuration
     * @return the running node
     * @throws RosException if start-up fails (the node is shut down)
     */
    public static DefaultNode start(NodeMain main, NodeConfiguration config) {
        DefaultNode node;
        try {
            node = new DefaultNode(main, config);
        } catch (IOException e) {
            throw new RosException("cannot start node: " + e.getMessage(), e);
        }
        try {
            node.connect();
            main.onStart(node);
        } catch (RuntimeException e) {
            node.shutdown();
            throw e instanceof RosException r ? r : new RosException("node " + node.name + " failed to start: " + e, e);
        }
        return node;
    }

    private void connect() {
        long deadline = System.nanoTime() + config.masterConnectTimeout().toNanos();
        while (true) {
            try {
                masterPid = master.getPid();
                break;
            } catch (XmlRpcException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new RosException("master at " + config.masterUri() + " did not answer within "
                            + config.masterConnectTimeout().toMillis() + " ms: " + e.getMessage(), e);
                }
                sleep(200);
            }
        }
        for (Map.Entry<String, Object> p : config.privateParameters().entrySet()) {
            parameters.set("~" + p.getKey(), p.getValue());
        }
        if (parameters.getBoolean("/use_sim_time", false)) {
            useSimTime = true;
            newSubscriber("/clock", ClockMessage.TYPE, m -> simTime.set(m.clock()), 1);
        }
        if (config.shutdownHook()) {
            Thread hook = new Thread(this::shutdown, "ros" + name + "-shutdown-hook");
            shutdownHook = hook;
            Runtime.getRuntime().addShutdownHook(hook);
        }
        if (!config.masterPollInterval().isZero()) {
            long period = config.masterPollInterval().toMillis();
            masterWatch = timer.scheduleWithFixedDelay(this::watchMaster, period, period, TimeUnit.MILLISECONDS);
        }
        log.log(System.Logger.Level.DEBUG, "node " + name + " up at " + slaveUri + ", TCPROS port "
                + tcpRosServer.port());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RosException("interrupted while waiting for the master", e);
        }
    }

    // ------------------------------------------------------------------------------------------ master watch

    private void watchMaster() {
        if (state.get() != State.RUNNING) {
            return;
        }
        int pid;
        try {
            pid = master.getPid();
        } catch (XmlRpcException e) {
            if (!masterLost) {
                log.log(System.Logger.Level.WARNING, "master at " + config.masterUri() + " is unreachable ("
                        + e.getMessage() + "); will re-register when it is back");
                masterLost = true;
            }
            return;
        }
        if (pid != masterPid || masterLost) {
            log.log(System.Logger.Level.INFO, (pid != masterPid ? "master restarted (pid " + masterPid + " -> "
                    + pid + ")" : "master is back") + "; re-registering node " + name);
            if (reregisterAll()) {
                masterPid = pid;
                masterLost = false;
            }
        }
    }

    /** @return whether every registration succeeded */
    private boolean reregisterAll() {
        registration.lock();
        try {
            for (PublicationEntry e : publications.values()) {
                TopicPublication p = e.publication();
                master.registerPublisher(p.topic(), p.type().name(), slaveUri);
            }
            for (SubscriptionEntry e : subscriptions.values()) {
                TopicSubscription<?> s = e.subscription();
                // add only: live connections to publishers the new master does not know (yet) are kept
                s.addPublishers(master.registerSubscriber(s.topic(), s.type().name(), slaveUri));
            }
            for (ServiceServerHandle<?, ?> s : services.values()) {
                master.registerService(s.name().toString(), s.uri(), slaveUri);
            }
            parameters.resubscribeAll();
            return true;
        } catch (XmlRpcException e) {
            log.log(System.Logger.Level.WARNING, "re-registration with the master failed: " + e.getMessage());
            return false;
        } finally {
            registration.unlock();
        }
    }

    /** Runs a master registration; when the master is unreachable and watched, leaves it to the watch. */
    private <V> V register(String what, MasterCall<V> call, V fallback) {
        try {
            return call.run();
        } catch (ApiCallException e) {
            throw new RosException(what + " refused by the master: " + e.statusMessage(), e);
        } catch (XmlRpcException e) {
            if (config.masterPollInterval().isZero()) {
                throw new RosException(what + " failed: " + e.getMessage(), e);
            }
            log.log(System.Logger.Level.WARNING, what + " failed (" + e.getMessage()
                    + "); will register when the master answers");
            masterLost = true;
            return fallback;
        }
    }

    /** A master call. */
    @FunctionalInterface
    interface MasterCall<V> {
        V run() throws XmlRpcException;
    }

    // ------------------------------------------------------------------------------------------ node API

    @Override
    public GraphName name() {
        return name;
    }

    @Override
    public GraphName resolveName(String n) {
        return resolver.resolve(n);
    }

    @Override
    public URI masterUri() {
        return config.masterUri();
    }

    @Override
    public URI uri() {
        return slaveUri;
    }

    @Override
    public System.Logger log() {
        return log;
    }

    @Override
    public ConnectedNode node() {
        return this;
    }

    MasterClient master() {
        return master;
    }

    NameResolver resolver() {
        return resolver;
    }

    private void requireRunning() {
        if (state.get() != State.RUNNING) {
            throw new IllegalStateException("node " + name + " is shut down");
        }
    }

    @Override
    public <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type, boolean latch,
            int queueSize) {
        GraphName resolved = resolveName(topic);
        registration.lock();
        try {
            requireRunning();
            PublicationEntry entry = publications.get(resolved.toString());
            if (entry == null) {
                TopicPublication publication = new TopicPublication(resolved.toString(), type, latch, queueSize, tcpRos);
                entry = new PublicationEntry(publication, new CopyOnWriteArrayList<>());
                publications.put(resolved.toString(), entry);
                register("registerPublisher(" + resolved + ")",
                        () -> master.registerPublisher(resolved.toString(), type.name(), slaveUri), List.of());
            } else if (!entry.publication().type().name().equals(type.name())) {
                throw new IllegalArgumentException("topic " + resolved + " is already published by this node as "
                        + entry.publication().type().name() + ", not " + type.name());
            } else if (latch) {
                entry.publication().setLatching(true);
            }
            PublisherHandle<T> handle = new PublisherHandle<>(this, resolved, type, entry.publication());
            entry.handles().add(handle);
            return handle;
        } finally {
            registration.unlock();
        }
    }

    void release(PublisherHandle<?> handle, TopicPublication publication) {
        registration.lock();
        try {
            PublicationEntry entry = publications.get(publication.topic());
            if (entry == null || entry.publication() != publication) {
                return;
            }
            entry.handles().remove(handle);
            if (entry.handles().isEmpty() && state.get() == State.RUNNING) {
                publications.remove(publication.topic());
                unregisterQuietly("unregisterPublisher", () -> master.unregisterPublisher(publication.topic(),
                        slaveUri));
                publication.close();
            }
        } finally {
            registration.unlock();
        }
    }

    @Override
    public <T extends Message> Subscriber<T> newSubscriber(String topic, MessageType<T> type,
            MessageListener<T> listener, int queueSize) {
        GraphName resolved = resolveName(topic);
        registration.lock();
        try {
            requireRunning();
            SubscriptionEntry entry = subscriptions.get(resolved.toString());
            boolean created = false;
            if (entry == null) {
                entry = new SubscriptionEntry(new TopicSubscription<>(resolved.toString(), type, true, tcpRos),
                        new CopyOnWriteArrayList<>());
                created = true;
            } else if (!entry.subscription().type().name().equals(type.name())) {
                throw new IllegalArgumentException("topic " + resolved + " is already subscribed by this node as "
                        + entry.subscription().type().name() + ", not " + type.name());
            }
            @SuppressWarnings("unchecked")
            TopicSubscription<T> subscription = (TopicSubscription<T>) entry.subscription();
            SubscriberHandle<T> handle = new SubscriberHandle<>(this, resolved, subscription, listener, queueSize);
            try {
                pool.execute(handle);
            } catch (RejectedExecutionException e) {
                throw new IllegalStateException("node " + name + " has no free thread for a subscriber dispatcher"
                        + " (maxThreads " + config.maxThreads() + ")", e);
            }
            subscription.addSink(handle);
            entry.handles().add(handle);
            if (created) {
                subscriptions.put(resolved.toString(), entry);
                List<String> publishers = register("registerSubscriber(" + resolved + ")",
                        () -> master.registerSubscriber(resolved.toString(), type.name(), slaveUri), List.of());
                subscription.updatePublishers(publishers);
            }
            return handle;
        } finally {
            registration.unlock();
        }
    }

    <T extends Message> void release(SubscriberHandle<T> handle, TopicSubscription<T> subscription) {
        registration.lock();
        try {
            SubscriptionEntry entry = subscriptions.get(subscription.topic());
            if (entry == null || entry.subscription() != subscription) {
                return;
            }
            entry.handles().remove(handle);
            if (subscription.removeSink(handle) == 0 && state.get() == State.RUNNING) {
                subscriptions.remove(subscription.topic());
                unregisterQuietly("unregisterSubscriber", () -> master.unregisterSubscriber(subscription.topic(),
                        slaveUri));
                subscription.close();
            }
        } finally {
            registration.unlock();
        }
    }

    @Override
    public <Q extends Message, R extends Message> ServiceServer<Q, R> newServiceServer(String service,
            ServiceType<Q, R> type, ServiceHandler<Q, R> handler) {
        GraphName resolved = resolveName(service);
        registration.lock();
        try {
            requireRunning();
            if (services.containsKey(resolved.toString())) {
                throw new IllegalArgumentException("service " + resolved + " is already provided by this node");
            }
            ServiceEndpoint<Q, R> endpoint = new ServiceEndpoint<>(resolved.toString(), type, handler, tcpRos);
            ServiceServerHandle<Q, R> handle = new ServiceServerHandle<>(this, resolved, endpoint, serviceUriBase);
            services.put(resolved.toString(), handle);
            register("registerService(" + resolved + ")", () -> {
                master.registerService(resolved.toString(), serviceUriBase, slaveUri);
                return null;
            }, null);
            return handle;
        } finally {
            registration.unlock();
        }
    }

    void release(ServiceServerHandle<?, ?> handle) {
        registration.lock();
        try {
            if (services.remove(handle.name().toString(), handle) && state.get() == State.RUNNING) {
                unregisterQuietly("unregisterService", () -> master.unregisterService(handle.name().toString(),
                        serviceUriBase));
            }
            handle.endpoint().close();
        } finally {
            registration.unlock();
        }
    }

    @Override
    public <Q extends Message, R extends Message> ServiceClient<Q, R> newServiceClient(String service,
            ServiceType<Q, R> type, boolean persistent) {
        requireRunning();
        GraphName resolved = resolveName(service);
        ServiceClientHandle<Q, R> client = new ServiceClientHandle<>(this, resolved, type, persistent, tcpRos,
                config.serviceTimeout());
        serviceClients.add(client);
        return client;
    }

    void release(ServiceClientHandle<?, ?> client) {
        serviceClients.remove(client);
    }

    @Override
    public ParameterTree parameters() {
        return parameters;
    }

    @Override
    public Time now() {
        if (useSimTime) {
            Time sim = simTime.get();
            return sim == null ? Time.ZERO : sim;
        }
        Instant t = Instant.now();
        return Time.fromNanos(t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    // ------------------------------------------------------------------------------------------ slave API

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public List<List<String>> subscriptions() {
        List<List<String>> out = new ArrayList<>();
        subscriptions.forEach((topic, e) -> out.add(List.of(topic, e.subscription().type().name())));
        return out;
    }

    @Override
    public List<List<String>> publications() {
        List<List<String>> out = new ArrayList<>();
        publications.forEach((topic, e) -> out.add(List.of(topic, e.publication().type().name())));
        return out;
    }

    @Override
    public List<Object> busStats() {
        List<Object> pubs = new ArrayList<>();
        publications.values().forEach(e -> pubs.add(e.publication().busStats()));
        List<Object> subs = new ArrayList<>();
        subscriptions.values().forEach(e -> subs.add(e.subscription().busStats()));
        List<Object> srvs = new ArrayList<>();
        services.values().forEach(s -> srvs.add(List.of(s.name().toString(), s.endpoint().stats())));
        return List.of(pubs, subs, srvs);
    }

    @Override
    public List<Object> busInfo() {
        List<Object> out = new ArrayList<>();
        publications.values().forEach(e -> out.addAll(e.publication().busInfo()));
        subscriptions.values().forEach(e -> out.addAll(e.subscription().busInfo()));
        return out;
    }

    @Override
    public Optional<InetSocketAddress> tcpRosEndpoint(String topic) {
        if (!publications.containsKey(topic)) {
            return Optional.empty();
        }
        return Optional.of(InetSocketAddress.createUnresolved(config.host(), tcpRosServer.port()));
    }

    @Override
    public void publisherUpdate(String topic, List<String> publishers) {
        SubscriptionEntry e = subscriptions.get(topic);
        if (e != null) {
            e.subscription().updatePublishers(publishers);
        }
    }

    @Override
    public void paramUpdate(String key, Object value) {
        parameters.updated(key, value);
    }

    @Override
    public void shutdownRequested(String callerId, String reason) {
        // shut down a moment later, so that the XML-RPC reply to the caller goes out before the server stops
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_REPLY_GRACE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shutdown();
        }, "ros" + name + "-shutdown");
        t.setDaemon(false);
        t.start();
    }

    // ------------------------------------------------------------------------------------------ shutdown

    @Override
    public boolean isShuttingDown() {
        return state.get() != State.RUNNING;
    }

    @Override
    public boolean isShutdown() {
        return terminated.isDone();
    }

    @Override
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        try {
            terminated.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    @Override
    public void shutdown() {
        if (!state.compareAndSet(State.RUNNING, State.SHUTTING_DOWN)) {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    awaitShutdown(config.shutdownTimeout().multipliedBy(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return;
        }
        try {
            doShutdown();
        } finally {
            state.set(State.SHUT_DOWN);
            terminated.complete(null);
        }
    }

    private void doShutdown() {
        ScheduledFuture<?> watch = masterWatch;
        if (watch != null) {
            watch.cancel(false);
        }
        try {
            main.onShutdown(this);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "onShutdown of node " + name + " failed", e);
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        registration.lock();
        try {
            for (PublicationEntry e : publications.values()) {
                e.handles().forEach(PublisherHandle::markClosed);
                unregisterQuietly("unregisterPublisher", () -> master.unregisterPublisher(e.publication().topic(),
                        slaveUri), deadline);
                e.publication().close();
            }
            for (SubscriptionEntry e : subscriptions.values()) {
                unregisterQuietly("unregisterSubscriber", () -> master.unregisterSubscriber(
                        e.subscription().topic(), slaveUri), deadline);
                e.handles().forEach(SubscriberHandle::stop);
                e.subscription().close();
            }
            for (ServiceServerHandle<?, ?> s : services.values()) {
                unregisterQuietly("unregisterService", () -> master.unregisterService(s.name().toString(),
                        serviceUriBase), deadline);
                s.endpoint().close();
            }
            parameters.unsubscribeAll(deadline);
            publications.clear();
            subscriptions.clear();
            services.clear();
        } finally {
            registration.unlock();
        }
        serviceClients.forEach(ServiceClientHandle::close);
        tcpRosServer.close();
        slaveServer.close();
        pool.shutdownNow();
        timer.shutdownNow();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                log.log(System.Logger.Level.WARNING, "node " + name + ": some connection threads did not stop in"
                        + " time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        xmlRpc.close();
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        log.log(System.Logger.Level.DEBUG, "node " + name + " shut down");
    }

    private void unregisterQuietly(String what, MasterCall<?> call) {
        unregisterQuietly(what, call, System.nanoTime() + config.callTimeout().toNanos());
    }

    private void unregisterQuietly(String what, MasterCall<?> call, long deadline) {
        if (masterLost || System.nanoTime() - deadline > 0) {
            return;
        }
        try {
            call.run();
        } catch (XmlRpcException e) {
            log.log(System.Logger.Level.WARNING, what + " failed: " + e.getMessage());
            masterLost = true;
        }
    }

    @Override
    public String toString() {
        return "DefaultNode[" + name + " at " + slaveUri + "]";
    }
}
