package dk.earlyhelp.local.faults;

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
 * A TCP relay between one service and the store, so a test can take the store away from that
 * service alone, as a network failure would: {@link #cut()} closes every connection and refuses new
 * ones (the port stays bound, nobody accepts), {@link #restore()} lets connections through again.
 */
final class StoreProxy implements AutoCloseable {

    private final int storePort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private volatile boolean cut;

    StoreProxy(int storePort) {
        this.storePort = storePort;
    }

    synchronized void start() {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "store-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The store is gone for the service: open connections break, new ones are closed at once. */
    void cut() {
        cut = true;
        open.forEach(StoreProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket store = new Socket(InetAddress.getLoopbackAddress(), storePort);
                open.add(client);
                open.add(store);
                pump(client, store);
                pump(store, client);
            } catch (IOException e) {
                // Closed, or the store refused: the service's driver sees a broken connection and retries.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // Either side closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "store-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public synchronized void close() {
        cut();
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // Already closed.
        }
    }
}
