package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;

/** ACM certificates of the run, by domain name or run-id tag, whatever their status or key type. */
final class AcmLeftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        AcmClient acm = target.client(AcmClient.class);
        List<String> live = new ArrayList<>();
        // without a keyTypes filter ListCertificates returns only RSA_1024 and RSA_2048 certificates
        var all = acm.listCertificatesPaginator(r -> r.includes(f -> f.keyTypes(KeyAlgorithm.knownValues())))
                .certificateSummaryList();
        for (CertificateSummary cert : all) {
            if (cert.domainName() != null && cert.domainName().contains(runId) || taggedWith(acm, cert, runId)) {
                live.add("acm certificate " + cert.certificateArn() + " (" + cert.domainName() + ", " + cert.statusAsString() + ")");
            }
        }
        return live;
    }

    private static boolean taggedWith(AcmClient acm, CertificateSummary cert, String runId) {
        return acm.listTagsForCertificate(r -> r.certificateArn(cert.certificateArn())).tags().stream()
                .anyMatch(t -> t.key().equals("labs:run-id") && runId.equals(t.value()));
    }
}
