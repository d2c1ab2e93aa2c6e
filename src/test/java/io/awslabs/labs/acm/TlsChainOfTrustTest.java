package io.awslabs.labs.acm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local half of the ACM lab without any AWS target: CA, server certificate, server, clients. */
class TlsChainOfTrustTest {
    private static final String HOST = "app.tls-test.example.com";
    private static LabCertificateAuthority authority;
    private static ServerCertificate certificate;
    private static LocalHttpsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Instant now = Instant.now();
        authority = LabCertificateAuthority.create("test root", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        certificate = authority.issue(List.of(HOST, "api.tls-test.example.com"), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(2)));
        server = LocalHttpsServer.start(certificate, "hello\n");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void clientTrustingTheLabCaCompletesTheHandshakeAndGetsAnAnswer() throws Exception {
        TlsClient.Exchange exchange = TlsClient.trusting(authority.certificate()).get(server.address(), HOST);

        assertThat(exchange.protocol()).isIn("TLSv1.2", "TLSv1.3");
        assertThat(exchange.peerChain()).containsExactly(certificate.certificate(), authority.certificate());
        assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void clientWithTheJdkDefaultTrustStoreFindsNoPathToTheLabCa() throws Exception {
        TlsClient client = TlsClient.withJdkDefaultTrust();

        assertThat(client.trustAnchors()).as("the JDK ships public CAs").isPositive();
        assertThatThrownBy(() -> client.get(server.address(), HOST))
                .isInstanceOf(SSLHandshakeException.class)
                .hasRootCauseInstanceOf(CertPathBuilderException.class);
    }

    @Test
    void nameMissingFromTheCertificateFailsTheHostnameCheck() throws Exception {
        assertThatThrownBy(() -> TlsClient.trusting(authority.certificate()).get(server.address(), "localhost"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative DNS name matching localhost");
    }

    @Test
    void privateKeyNeverShowsInTheCertificateText() throws Exception {
        assertThat(certificate.toString()).contains("private key withheld").doesNotContain("BEGIN");
        assertThat(certificate.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(certificate.dnsNames()).containsExactly(HOST, "api.tls-test.example.com");
    }
}
