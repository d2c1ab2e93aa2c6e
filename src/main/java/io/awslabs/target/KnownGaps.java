package io.awslabs.target;

import java.util.List;
import java.util.Optional;

/** Every declared emulator gap, in one place. */
public final class KnownGaps {

    private static final List<KnownGap> GAPS = List.of(
            new KnownGap(TargetKind.MOTO, "kms-envelope-encryption", "disabled-key-refuses-encrypt",
                    "moto encrypts with a disabled key; AWS refuses with DisabledException",
                    "moto/kms/responses.py encrypt() does not check the key state (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "instance-registers-with-ssm",
                    "moto has no DescribeInstanceInformation and no SSM agent, so no instance ever registers",
                    "moto/ssm/responses.py defines no describe_instance_information, and moto/core/responses.py "
                            + "answers 'The describe_instance_information action has not been implemented' (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "command-runs-script",
                    "moto runs nothing: every invocation is a canned Success with exit code 0 and empty output",
                    "moto/ssm/models.py Command.invocation_response() hard-codes Status 'Success', ResponseCode 0 "
                            + "and StandardOutputContent '' (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "securestring-needs-decryption",
                    "moto stores a SecureString as 'kms:<key-id>:' followed by the plaintext and returns that "
                            + "without decryption; AWS returns KMS ciphertext",
                    "moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value without calling "
                            + "KMS (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "cloudfront-private-origin", "oai-origin-references-oai",
                    "moto has no origin access identity API (CreateCloudFrontOriginAccessIdentity answers a bare 404), "
                            + "so there is no OAI distribution to inspect",
                    "moto/cloudfront/urls.py routes no 2020-05-31/origin-access-identity/cloudfront path and responses.py "
                            + "has no *_cloud_front_origin_access_identity handler; models.py Origin keeps "
                            + "S3OriginConfig.OriginAccessIdentity as s3_access_identity, which GetDistribution never "
                            + "returns (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "cloudfront-private-origin", "anonymous-s3-get-denied",
                    "moto lets an anonymous GET through a bucket-policy Allow granted to a specific principal (here the "
                            + "CloudFront service principal), so the private object is served; AWS answers 403",
                    "moto/iam/access_control.py IAMPolicyStatement.is_action_permitted: is_unknown_principal() is False "
                            + "for a map Principal such as {\"Service\": ...} and _check_principal() runs only when the "
                            + "request has a principal, which an anonymous request lacks; without a bucket policy moto "
                            + "does answer 403 (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "cloudfront-private-origin", "oac-origin-uses-oac",
                    "moto drops an origin's OriginAccessControlId (and its S3OriginConfig), so GetDistribution cannot "
                            + "show which OAC the origin uses",
                    "moto/cloudfront/models.py Origin.__init__ reads no OriginAccessControlId, and the serialized origin "
                            + "has neither it nor S3OriginConfig (moto 5.2.5)"));

    private KnownGaps() { }

    public static Optional<KnownGap> find(TargetKind target, String labId, String assertionId) {
        return GAPS.stream()
                .filter(g -> g.target() == target && g.labId().equals(labId) && g.assertionId().equals(assertionId))
                .findFirst();
    }

    public static List<KnownGap> all() {
        return GAPS;
    }
}
