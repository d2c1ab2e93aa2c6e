package io.awslabs.resources.acm;

import io.awslabs.resources.Ids;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.Tag;

/**
 * An ACM certificate, requested or imported, recorded by its ARN. Both calls tag it in the same
 * request; the search lists certificates and reads their {@code labs:run-id} tag, for targets
 * whose tagging API does not list ACM.
 */
public final class AcmCertificate implements ResourceKind {
    public static final AcmCertificate KIND = new AcmCertificate();
    private static final String RUN_ID_TAG = "labs:run-id";

    private AcmCertificate() { }

    @Override
    public String type() {
        return "ACM certificate";
    }

    @Override
    public List<String> actions() {
        return List.of("acm:DeleteCertificate");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("acm:ListCertificates", "acm:ListTagsForCertificate");
    }

    @Override
    public void delete(Teardown env, String arn) {
        env.target().client(AcmClient.class).deleteCertificate(r -> r.certificateArn(arn));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "acm", "certificate");
    }

    @Override
    public String canonicalId(String arn) {
        return arn;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        AcmClient acm = target.client(AcmClient.class);
        List<Found> found = new ArrayList<>();
        for (CertificateSummary cert : acm.listCertificatesPaginator(r -> r.includes(i -> i.keyTypesWithStrings(
                "RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1")))
                .certificateSummaryList()) {
            acm.listTagsForCertificate(r -> r.certificateArn(cert.certificateArn())).tags().stream()
                    .filter(t -> RUN_ID_TAG.equals(t.key())).map(Tag::value).findFirst()
                    .filter(runs::includes)
                    .ifPresent(run -> found.add(new Found(run, cert.certificateArn())));
        }
        return found;
    }
}
