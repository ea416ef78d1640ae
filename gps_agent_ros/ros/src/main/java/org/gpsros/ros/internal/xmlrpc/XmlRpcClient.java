package org.gpsros.ros.internal.xmlrpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An XML-RPC client on the JDK {@link HttpClient} (HTTP/1.1, no upgrade attempts), shared by all calls of a node.
 * Calls are synchronous with a per-call timeout. The client's own work runs on a bounded pool of
 * {@code threads} daemon threads.
 */
public final class XmlRpcClient implements AutoCloseable {
    private final HttpClient http;
    private final ExecutorService executor;
    private final Duration timeout;

    /**
     * @param timeout    connect and per-call timeout
     * @param threads    threads of the HTTP client's executor
     * @param threadName thread name prefix
     */
    public XmlRpcClient(Duration timeout, int threads, String threadName) {
        this.timeout = timeout;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), NamedThreads.daemon(threadName));
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(executor).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return the default per-call timeout */
    public Duration timeout() {
        return timeout;
    }

    /**
     * @param uri    the server's URI (an empty path is sent as {@code /})
     * @param method the method name
     * @param params the parameters
     * @return the returned value
     * @throws XmlRpcFaultException if the server answered with a fault
     * @throws XmlRpcException      if the server cannot be reached, times out or answers something else than XML-RPC
     */
    public Object call(URI uri, String method, List<?> params) throws XmlRpcException {
        return call(uri, method, params, timeout);
    }

    /**
     * @param uri         the server's URI
     * @param method      the method name
     * @param params      the parameters
     * @param callTimeout the timeout of this call
     * @return the returned value
     * @throws XmlRpcException as {@link #call(URI, String, List)}
     */
    public Object call(URI uri, String method, List<?> params, Duration callTimeout) throws XmlRpcException {
        URI target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
        HttpRequest request = HttpRequest.newBuilder(target).timeout(callTimeout)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(XmlRpcCodec.encodeCall(method, params))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new XmlRpcException(method + " on " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmlRpcException(method + " on " + uri + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new XmlRpcException(method + " on " + uri + ": HTTP " + response.statusCode());
        }
        return XmlRpcCodec.decodeResponse(response.body());
    }

    /** Stops the client's threads. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
