package io.awslabs.labs.acm;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A root CA made for one run, and the server certificates it signs. Keys are EC P-256: ACM
 * imports them (EC_prime256v1), every TLS 1.2/1.3 client accepts them, and they are generated in
 * milliseconds. Signing goes through the JDK's own providers; BouncyCastle only builds the
 * X.509 structures, so it is never registered as a security provider.
 */
final class LabCertificateAuthority {
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private LabCertificateAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A self-signed root that may sign end-entity certificates only (path length 0). */
    static LabCertificateAuthority create(String commonName, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = newKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "aws-labs").addRDN(BCStyle.CN, commonName).build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(), date(notBefore),
                date(notAfter), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return new LabCertificateAuthority(keys, sign(builder, keys.getPrivate()));
    }

    /** A TLS server certificate for {@code dnsNames}; the first name is also the subject CN. */
    ServerCertificate issue(List<String> dnsNames, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair serverKeys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "aws-labs").addRDN(BCStyle.CN, dnsNames.get(0)).build();
        GeneralNames altNames = new GeneralNames(dnsNames.stream()
                .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new));
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serialNumber(), date(notBefore),
                date(notAfter), subject, serverKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, altNames)
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverKeys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
        return new ServerCertificate(sign(builder, keys.getPrivate()), serverKeys.getPrivate(), certificate);
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer)));
    }

    /** Positive and 127 bits at most, so its DER encoding never needs a sign byte. */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).setBit(120);
    }

    /** X.509 times have whole seconds; truncating here keeps local and ACM-reported times equal. */
    private static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
