package io.awslabs.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback that forwards nothing: it records the first line of every request
 * (a GET with its URL, or a CONNECT with the host of an HTTPS request) and answers 502.
 */
public final class RecordingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private RecordingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::serve, "recording-proxy-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    public static RecordingProxy start() throws IOException {
        return new RecordingProxy();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Request lines received so far, e.g. "GET http://example.test/x.png HTTP/1.1". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(5_000);
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1))
                        .readLine();
                if (line != null) requests.add(line);
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // a client that hung up, or the server closing: either way, nothing to record
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
