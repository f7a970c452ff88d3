package org.clinicops.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy a test puts between a service and a server (MongoDB, say) to take the server away from
 * that service alone and bring it back with its data: what a service sees when the network to its
 * database fails or the database process stops.
 *
 * <p>{@link #cut()} closes every open connection at both ends (a pooled connection fails on its next
 * read or write) and refuses new ones: nothing listens on the proxy's port, so a connection attempt is
 * answered with a TCP reset ("connection refused"). The port stays bound meanwhile, by a socket that
 * does not listen (sharing the port with the proxy's own listening sockets through {@code
 * SO_REUSEPORT}), so that no other socket of this machine can take it during the outage: the
 * service's connection string names it, and {@link #restore()} listens on it again. Where {@code
 * SO_REUSEPORT} is not offered the port is released while cut.
 */
public final class NetworkOutage implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final InetSocketAddress target;
    private final InetSocketAddress address;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private @Nullable ServerSocket listening;
    private @Nullable Socket portHolder;
    private boolean closed;

    /** Proxies a free port of this machine's loopback to {@code host:port}. */
    public NetworkOutage(String host, int port) {
        target = new InetSocketAddress(host, port);
        ServerSocket server = listen(0);
        address = new InetSocketAddress(LOOPBACK, server.getLocalPort());
        listening = server;
        accept(server);
    }

    /** The proxy to {@code host:port}, given as {@code host:port}. */
    public static NetworkOutage to(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new NetworkOutage(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    public int port() {
        return address.getPort();
    }

    /** {@code host:port} to put in the service's connection string. */
    public String address() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Whether the server is away for the client of this proxy. */
    public synchronized boolean isCut() {
        return listening == null;
    }

    /** The server is gone: open connections drop, new ones are refused. */
    public synchronized void cut() {
        ServerSocket server = listening;
        if (server == null) {
            return;
        }
        portHolder = holdPort();
        listening = null;
        closeQuietly(server);
        open.forEach(NetworkOutage::closeQuietly);
        open.clear();
    }

    /** The server is back on the same address, with the same data. */
    public synchronized void restore() {
        if (closed || listening != null) {
            return;
        }
        ServerSocket server = listen(address.getPort());
        listening = server;
        Socket holder = portHolder;
        portHolder = null;
        if (holder != null) {
            closeQuietly(holder);
        }
        accept(server);
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
        Socket holder = portHolder;
        if (holder != null) {
            closeQuietly(holder);
        }
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            if (server.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(new InetSocketAddress(LOOPBACK, port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for the proxy", e);
        }
    }

    /** A bound, not listening socket on the proxy's port, or null where the platform cannot share it. */
    private @Nullable Socket holdPort() {
        Socket holder = new Socket();
        try {
            if (!holder.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                holder.close();
                return null;
            }
            // not SO_REUSEADDR: with it, another listening socket that has it (Java's default) could bind
            holder.setReuseAddress(false);
            holder.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            holder.bind(address);
            return holder;
        } catch (IOException e) {
            closeQuietly(holder);
            return null; // the port is released while cut
        }
    }

    private void accept(ServerSocket server) {
        daemon("outage-accept-" + address.getPort(), () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return; // cut
                }
                open.add(client);
                try {
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    open.add(upstream);
                    if (server.isClosed()) {
                        closeQuietly(client); // cut meanwhile
                        closeQuietly(upstream);
                        continue;
                    }
                    daemon("outage-up-" + address.getPort(), () -> pump(client, upstream));
                    daemon("outage-down-" + address.getPort(), () -> pump(upstream, client));
                } catch (IOException e) {
                    closeQuietly(client); // the server itself refused
                    open.remove(client);
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the connection was dropped (by cut(), or by one of its ends)
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
