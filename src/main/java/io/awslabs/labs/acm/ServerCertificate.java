package io.awslabs.labs.acm;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A server certificate, its private key and the CA certificate that signed it. Not a record on
 * purpose: a record's generated {@code toString} would print the key.
 */
final class ServerCertificate {
    /** The SAN entry type for a DNS name (RFC 5280 GeneralName dNSName). */
    private static final int DNS_NAME = 2;

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final X509Certificate issuer;

    ServerCertificate(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.issuer = issuer;
    }

    X509Certificate certificate() {
        return certificate;
    }

    X509Certificate issuer() {
        return issuer;
    }

    List<String> dnsNames() throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names == null ? List.of() : names.stream()
                .filter(n -> Objects.equals(n.get(0), DNS_NAME))
                .map(n -> (String) n.get(1))
                .toList();
    }

    String certificatePem() throws IOException {
        return pem(certificate);
    }

    /** The chain above the certificate: here the lab's root alone. */
    String chainPem() throws IOException {
        return pem(issuer);
    }

    /** The unencrypted key as ImportCertificate wants it (PKCS#8 PEM); it goes to that call only. */
    String privateKeyPem() throws IOException {
        return pem(new JcaPKCS8Generator(privateKey, null));
    }

    /** Key material for a TLS server: the key with the certificate and its chain, in memory only. */
    KeyManagerFactory keyManagers() throws GeneralSecurityException, IOException {
        char[] password = new char[32];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", privateKey, password, new Certificate[] {certificate, issuer});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    private static String pem(X509Certificate cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(cert);
        }
        return out.toString();
    }

    private static String pem(PemObjectGenerator key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "server certificate " + certificate.getSubjectX500Principal().getName() + " (private key withheld)";
    }
}
