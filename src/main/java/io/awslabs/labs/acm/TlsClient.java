package io.awslabs.labs.acm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client with one set of trusted CAs that checks the server's name the way browsers and
 * HTTPS libraries do (endpoint identification "HTTPS"). It dials the address itself and hands
 * the host name to TLS separately, so a server on 127.0.0.1 can be reached under any name
 * without DNS: the name is what the certificate is checked against.
 */
final class TlsClient {
    private static final int TIMEOUT_MS = 10_000;

    private final SSLContext context;
    private final int trustAnchors;

    private TlsClient(SSLContext context, int trustAnchors) {
        this.context = context;
        this.trustAnchors = trustAnchors;
    }

    /** Trusts exactly one root: the lab's CA. */
    static TlsClient trusting(X509Certificate root) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lab-root", root);
        return withTrustStore(store);
    }

    /** Trusts what the JDK trusts out of the box: the public CAs of its cacerts file. */
    static TlsClient withJdkDefaultTrust() throws GeneralSecurityException {
        return withTrustStore(null);
    }

    private static TlsClient withTrustStore(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        TrustManager[] managers = factory.getTrustManagers();
        int anchors = Arrays.stream(managers).filter(X509TrustManager.class::isInstance)
                .mapToInt(m -> ((X509TrustManager) m).getAcceptedIssuers().length).sum();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, null);
        return new TlsClient(context, anchors);
    }

    int trustAnchors() {
        return trustAnchors;
    }

    /** Handshakes with the server at {@code address} as {@code hostName}, then sends GET /. */
    Exchange get(InetSocketAddress address, String hostName) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(address, TIMEOUT_MS);
            plain.setSoTimeout(TIMEOUT_MS);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, hostName, address.getPort(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                SSLSession session = tls.getSession();
                OutputStream out = tls.getOutputStream();
                out.write(("GET / HTTP/1.1\r\nHost: " + hostName + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
                String statusLine = in.readLine();
                List<X509Certificate> chain = Arrays.stream(session.getPeerCertificates())
                        .map(X509Certificate.class::cast).toList();
                return new Exchange(session.getProtocol(), session.getCipherSuite(), chain, statusLine);
            }
        }
    }

    /** What one successful TLS exchange showed. */
    record Exchange(String protocol, String cipherSuite, List<X509Certificate> peerChain, String statusLine) { }
}
