package io.awslabs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real endpoint that can be made slow on demand: every chunk a client
 * sends is held back for the delay before it is forwarded. It makes a teardown last long enough
 * to be interrupted, without touching what the emulator answers. Closing it drops whatever it
 * still holds back: a request of a killed client must not reach the emulator after the test
 * has cleaned up.
 */
public final class SlowProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI upstream;
    private final Set<Thread> pumps = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;

    public SlowProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "slow-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public void slowDown(Duration perChunk) {
        delay = perChunk;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Socket target = new Socket(upstream.getHost(), upstream.getPort());
                sockets.add(target);
                pump(client, target, true);
                pump(target, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (delayed && !delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed: the other follows below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                pumps.remove(Thread.currentThread());
            }
        }, "slow-proxy-pump");
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pumps.forEach(Thread::interrupt);
        sockets.forEach(SlowProxy::closeQuietly);
    }
}
