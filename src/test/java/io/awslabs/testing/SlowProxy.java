package io.awslabs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a real endpoint that can be made slow on demand: every chunk a client
 * sends is held back for the delay before it is forwarded. It makes a teardown last long enough
 * to be interrupted, without touching what the emulator answers. Closing it drops whatever it
 * still holds back: a request of a killed client must not reach the emulator after the test
 * has cleaned up.
 */
public final class SlowProxy implements AutoCloseable {
    private static final int TAIL = 256;
    private final ServerSocket server;
    private final URI upstream;
    private final Set<Thread> pumps = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;
    private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Z]+ \\S+) HTTP/1\\.1");
    private volatile BiConsumer<String, String> answers = (request, text) -> { };

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

    /**
     * Everything the endpoint answers, as it passes, with the request line it answers ("GET
     * /bucket/key"): ISO-8859-1 text, one call per chunk, each chunk with the end of the one
     * before it, so that a phrase split between two is seen whole.
     */
    public void listen(BiConsumer<String, String> answers) {
        this.answers = answers;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Socket target = new Socket(upstream.getHost(), upstream.getPort());
                sockets.add(target);
                AtomicReference<String> request = new AtomicReference<>("");
                pump(client, target, true, request);
                pump(target, client, false, request);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed, AtomicReference<String> request) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            String tail = "";
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (delayed && !delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    // read before it is passed on, so that a listener knows an answer before its client does
                    String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (delayed) {
                        Matcher line = REQUEST_LINE.matcher(chunk);
                        if (line.find()) {
                            request.set(line.group(1));
                        }
                    } else {
                        String seen = tail + chunk;
                        answers.accept(request.get(), seen);
                        tail = seen.substring(Math.max(0, seen.length() - TAIL));
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
