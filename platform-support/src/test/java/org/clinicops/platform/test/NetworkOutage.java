package org.clinicops.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy a test puts between a service and a server (MongoDB, say) to take the server away and
 * bring it back: {@link #cut()} drops every open connection and refuses new ones, as a stopped or
 * unreachable server does; {@link #restore()} accepts again on the same port, with the server's data
 * untouched.
 */
public final class NetworkOutage implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    /** Proxies {@code localhost:<port()>} to {@code host:port}. */
    public NetworkOutage(String host, int port) {
        this.targetHost = host;
        this.targetPort = port;
        this.listening = bind(0);
        this.port = listening.getLocalPort();
        accept(listening);
    }

    /** {@code host:port} of a {@code host:port} address. */
    public static NetworkOutage to(String address) {
        int colon = address.lastIndexOf(':');
        return new NetworkOutage(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The server is gone: open connections drop, new ones are refused. */
    public synchronized void cut() {
        closeQuietly(listening);
        open.forEach(NetworkOutage::closeQuietly);
        open.clear();
    }

    /** The server is back on the same address. */
    public synchronized void restore() {
        if (!listening.isClosed()) {
            return;
        }
        listening = bind(port);
        accept(listening);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        daemon("outage-accept-" + port, () -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(upstream);
                    daemon("outage-up-" + port, () -> pump(client, upstream));
                    daemon("outage-down-" + port, () -> pump(upstream, client));
                } catch (IOException e) {
                    // closed by cut(), or the target refused: the client sees its connection drop
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
            // the connection was dropped
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
