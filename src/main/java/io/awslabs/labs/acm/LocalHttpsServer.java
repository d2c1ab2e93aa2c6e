package io.awslabs.labs.acm;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/**
 * The JDK's own HTTPS server on a loopback port the OS picks, presenting one server certificate
 * with its chain. It answers every GET with a fixed body, which is all a client needs to show
 * that a request went through the TLS session.
 */
final class LocalHttpsServer implements AutoCloseable {
    private final HttpsServer server;

    private LocalHttpsServer(HttpsServer server) {
        this.server = server;
    }

    static LocalHttpsServer start(ServerCertificate certificate, String body) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(certificate.keyManagers().getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new LocalHttpsServer(server);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "https://" + address().getAddress().getHostAddress() + ":" + address().getPort();
    }
}
