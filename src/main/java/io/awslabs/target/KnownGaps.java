package io.awslabs.target;

import java.util.List;
import java.util.Optional;

/** Every declared emulator gap, in one place. */
public final class KnownGaps {

    private static final List<KnownGap> GAPS = List.of(
            new KnownGap(TargetKind.MOTO, "kms-envelope-encryption", "disabled-key-refuses-encrypt",
                    "moto encrypts with a disabled key; AWS refuses with DisabledException",
                    "moto/kms/responses.py encrypt() does not check the key state (moto 5.2.5)"),
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
                            + "INITIAL_NO_AUTH_ACTION_COUNT is set (core/authorization.py)"));

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
