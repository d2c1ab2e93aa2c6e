package io.awslabs.targets;

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
                            + "has neither it nor S3OriginConfig (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "s3-default-encryption", "unconfigured-bucket-uses-sse-s3",
                    "moto stores uploads to a bucket without encryption configuration unencrypted (no "
                            + "x-amz-server-side-encryption); AWS applies SSE-S3 to every new object since January 2023",
                    "moto/s3/models.py (moto 5.2.5): FakeBucket.__init__ sets self.encryption = None; "
                            + "S3Backend.put_object copies a bucket default only under 'if bucket.encryption:'; "
                            + "FakeKey.response_dict sends x-amz-server-side-encryption only when the key's encryption is set"),
            new KnownGap(TargetKind.MOTO, "s3-default-encryption", "policy-judges-request-not-default",
                    "moto judges bucket policies on object requests without any request context, so every Condition "
                            + "counts as satisfied: the deny-unless-aws:kms statement refuses every PutObject with a bare "
                            + "403, the aws:kms upload included",
                    "moto 5.2.5: s3/responses.py _key_response calls bucket.get_permission(action, resource) and returns "
                            + "403 with an empty body when DENIED; s3/models.py FakeBucket.get_permission passes no condition "
                            + "values to IAMPolicy.is_action_permitted; iam/policy_conditions.py TrustCondition.verify_condition "
                            + "returns True for any operator but StringEquals and for an empty list of request values"),
            new KnownGap(TargetKind.MOTO, "s3-presigned-upload", "signature-bound-to-one-object",
                    "moto does not verify presigned URL signatures: a query string signed for one object opens another",
                    "moto 5.2.5: s3/responses.py _key_response only tests whether 'Signature=' occurs in the URL, and for "
                            + "an existing object a signed URL merely skips the ACL check; signatures are verified only with "
                            + "IAM authentication on (INITIAL_NO_AUTH_ACTION_COUNT, core/authorization.py), which the moto "
                            + "target leaves off"),
            new KnownGap(TargetKind.MOTO, "s3-presigned-upload", "expired-url-refused",
                    "moto does not check the expiry of presigned URLs: an expired URL still works",
                    "moto 5.2.5: nothing under moto/s3 or moto/core reads X-Amz-Expires; s3/responses.py _key_response "
                            + "treats any URL containing 'Signature=' as signed"),
            new KnownGap(TargetKind.MOTO, "s3-presigned-upload", "signed-content-type-enforced",
                    "moto does not verify presigned URL signatures, so a Content-Type other than the signed one is accepted",
                    "moto 5.2.5: s3/responses.py _invalid_headers compares only metadata passed as query parameters "
                            + "(content-type=...) with the request headers; the SDK signs Content-Type as a header "
                            + "(X-Amz-SignedHeaders=content-type;host), which moto never checks"),
            new KnownGap(TargetKind.MOTO, "s3-presigned-upload", "unsigned-put-refused",
                    "moto accepts anonymous writes: a PUT with no signature to a private bucket creates the object",
                    "moto 5.2.5: s3/responses.py _key_response refuses an unauthenticated, unsigned request only for an "
                            + "existing object whose ACL is not public-read (or when a bucket policy denies); a new key goes "
                            + "to _key_response_put, whose _authenticate_and_authorize_s3_action enforces nothing unless "
                            + "INITIAL_NO_AUTH_ACTION_COUNT is set (core/authorization.py)"),
            new KnownGap(TargetKind.LOCALSTACK, "s3-default-encryption", "policy-judges-request-not-default",
                    "LocalStack community stores bucket policies but never evaluates them: every upload under the "
                            + "deny-unless-aws:kms policy is accepted, AES256 and header-less ones included",
                    "localstack/services/s3/provider.py put_bucket_policy only validates the JSON and keeps it as "
                            + "s3_bucket.policy, which nothing but get_bucket_policy reads; policy enforcement "
                            + "(ENFORCE_IAM) is not in the community edition (localstack-core 4.14.0)"),
            new KnownGap(TargetKind.LOCALSTACK, "s3-presigned-upload", "unsigned-put-refused",
                    "LocalStack community authenticates only presigned requests: a PUT with no signature to a private "
                            + "bucket creates the object",
                    "localstack/services/s3/presigned_url.py S3PreSignedURLRequestHandler returns without any check when "
                            + "is_presigned_url_request() finds no signature query parameter, and provider.py put_object "
                            + "checks no ACL or bucket policy (localstack-core 4.14.0)"),
            new KnownGap(TargetKind.LOCALSTACK, "ssm-run-command", "instance-registers-with-ssm",
                    "LocalStack's SSM has no DescribeInstanceInformation (501) and no SSM agent, so no instance ever "
                            + "registers",
                    "localstack/services/ssm/provider.py SsmProvider defines no describe_instance_information and falls "
                            + "back to moto (MotoFallbackDispatcher, services/providers.py), whose moto/ssm/responses.py "
                            + "lacks it too; moto/core/responses.py raises NotImplementedError, which "
                            + "localstack/aws/handlers/service.py answers as 501 InternalFailure (localstack-core 4.14.0, "
                            + "moto-ext 5.1.24)"),
            new KnownGap(TargetKind.LOCALSTACK, "ssm-run-command", "command-runs-script",
                    "LocalStack runs nothing: SendCommand goes to moto, whose every invocation is a canned Success with "
                            + "exit code 0 and empty output",
                    "localstack/services/ssm/provider.py has no send_command or get_command_invocation, so both fall back "
                            + "to moto; moto/ssm/models.py Command.invocation_response() hard-codes Status 'Success', "
                            + "ResponseCode 0 and StandardOutputContent '' (moto-ext 5.1.24)"),
            new KnownGap(TargetKind.LOCALSTACK, "ssm-run-command", "securestring-needs-decryption",
                    "LocalStack stores a SecureString as moto does, 'kms:<key-id>:' followed by the plaintext, and returns "
                            + "that without decryption; AWS returns KMS ciphertext",
                    "localstack/services/ssm/provider.py put_parameter and get_parameter pass through to moto "
                            + "(call_moto); moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value "
                            + "without calling KMS (moto-ext 5.1.24)"));

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
