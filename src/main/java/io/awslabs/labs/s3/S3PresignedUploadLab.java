package io.awslabs.labs.s3;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.s3.S3Bucket;
import java.net.URI;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Proves how presigned URLs let a client upload to and download from a private bucket with no
 * AWS credentials of its own, and what the signature pins down: the object, the expiry and the
 * signed headers. Every URL shown in the report has its signature and credential redacted.
 */
public final class S3PresignedUploadLab implements Lab {
    static final Duration URL_LIFETIME = Duration.ofMinutes(5);
    static final Duration SHORT_LIFETIME = Duration.ofMinutes(1);
    /**
     * How long before now the expired URL is signed: its minute ran out four minutes ago, far more
     * than a client clock ahead of S3's could hide, and S3 allows no skew on a presigned expiry.
     */
    private static final Duration SIGNED_AGO = Duration.ofMinutes(5);
    static final String UNSIGNED_PUT_CONTROL = "status of the same PUT without the signature (control)";
    static final String UNSIGNED_GET_CONTROL = "status of the same GET without the signature (control)";
    static final String ALTERED_PUT_CONTROL = "status of the same PUT with an altered signature (control)";
    static final String ALTERED_GET_CONTROL = "status of the same GET with an altered signature (control)";
    private static final Pattern SIGNATURE = Pattern.compile("(X-Amz-Signature=[0-9a-f]{63})([0-9a-f])");
    static final String JPEG = "image/jpeg";
    static final String UPLOADED = "receipts/uploaded-by-app.jpg";
    static final String EXISTING = "receipts/stored-by-backend.jpg";
    private static final String CONTENT_TYPE_PROBE = "receipts/content-type-probe.jpg";
    private static final String UNSIGNED = "receipts/unsigned.jpg";
    private static final String UNSIGNED_CONTROL = "receipts/unsigned-control.jpg";
    private static final int RECEIPT_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String MOTO_SIGNATURE_UNCHECKED = "moto 5.2.5: s3/responses.py _key_response only tests "
            + "whether 'Signature=' occurs in the URL, and for an existing object a signed URL merely skips the ACL check; "
            + "signatures are verified only with IAM authentication on (INITIAL_NO_AUTH_ACTION_COUNT, "
            + "core/authorization.py), which the moto target leaves off";
    private static final String MOTO_ANONYMOUS_PUT = "moto 5.2.5: s3/responses.py _key_response refuses an "
            + "unauthenticated, unsigned request only for an existing object whose ACL is not public-read (or when a "
            + "bucket policy denies); a new key goes to _key_response_put, whose _authenticate_and_authorize_s3_action "
            + "enforces nothing unless INITIAL_NO_AUTH_ACTION_COUNT is set (core/authorization.py)";
    private static final String LOCALSTACK_UNSIGNED_PASSES = "localstack/services/s3/presigned_url.py "
            + "S3PreSignedURLRequestHandler returns without any check when is_presigned_url_request() finds no signature "
            + "query parameter, and provider.py put_object and get_object check no ACL or bucket policy "
            + "(localstack-core 4.14.0)";

    private String bucket;

    @Override
    public LabInfo info() {
        return LabInfo.of("s3-presigned-upload", "S3 presigned uploads and downloads")
                .exam(ExamDomain.HIGH_PERFORMING, "3.1 Determine high-performing and/or scalable storage solutions", 609)
                .concept("A presigned URL carries a SigV4 signature made with the back end's credentials in its query "
                        + "string: whoever holds it can make that one request (this method, this object, these signed "
                        + "headers) until it expires, with no AWS credentials of their own. A mobile app can so upload "
                        + "straight to a private bucket and download from it, and the traffic never crosses the web tier.")
                .examAngle("A mobile app must upload receipt images without routing them through the web servers: what is "
                        + "most efficient? What can someone do with a leaked presigned URL, and for how long? Why does "
                        + "an upload fail when the client sends a different Content-Type than the one signed?")
                .services("s3")
                .costPerRunUsd(0.001, "about 10 PUT/LIST requests at $0.005 per 1,000, a few GET requests at $0.0004 per "
                        + "1,000 and some 50 KB stored for minutes (aws.amazon.com/s3/pricing)")
                .provisions(S3Bucket.KIND)
                .calls("s3:GetObject", "s3:PutObject")
                .creates("a private S3 bucket named after the run id and tagged with it, holding a few receipt images; "
                        + "teardown deletes every object version, then the bucket")
                .asserts("presigned-put-uploads-without-credentials",
                        "A PUT presigned for 5 minutes with a signed Content-Type of image/jpeg, sent by a plain HTTP "
                                + "client with no AWS credentials, answers 200; HeadObject shows the same size and "
                                + "content type, and the stored bytes are the uploaded ones; the control, the same PUT "
                                + "without the signature and with an altered signature, is refused with 403, so the signature is what "
                                + "granted the upload")
                .asserts("presigned-get-serves-same-bytes",
                        "A presigned GET, fetched by the same plain HTTP client, returns the uploaded bytes unchanged: "
                                + "S3 serves the download, not the web tier; the control, the same GET without the "
                                + "signature and with an altered signature, is refused with 403")
                .asserts("signature-bound-to-one-object",
                        "A presigned GET that opens its own object answers 200; its query string reused on another "
                                + "object of the same bucket is refused with 403 SignatureDoesNotMatch")
                .asserts("expired-url-refused",
                        "A GET presigned for 1 minute answers 200 when signed now; the same GET signed 5 minutes "
                                + "ago, so expired 4 minutes ago, is refused with 403 AccessDenied (request has expired)")
                .asserts("signed-content-type-enforced",
                        "A presigned PUT signed for image/jpeg answers 200 when sent with image/jpeg; the same URL "
                                + "sent with Content-Type image/png is refused with 403 SignatureDoesNotMatch")
                .asserts("unsigned-put-refused",
                        "A PUT with no signature at all to the private bucket is refused with 403 AccessDenied")
                .note("Presigned URLs grant time-limited access to one object with the permissions of whoever signed "
                        + "them; anyone holding the URL can use it until it expires, so they are bearer credentials "
                        + "(docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html).")
                .note("With SigV4 query authentication, X-Amz-Expires bounds validity (at most 7 days) and every header "
                        + "listed in X-Amz-SignedHeaders must be sent with the signed value "
                        + "(docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).")
                .note("SignatureDoesNotMatch and AccessDenied are 403 errors "
                        + "(docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html")
                .gap(MOTO, "presigned-put-uploads-without-credentials", Symptom.checkFails(UNSIGNED_PUT_CONTROL, "200"),
                        "moto accepts anonymous writes, so the same PUT without the signature is accepted too: the "
                                + "presigned upload shows only that the URL is routed, not that its signature granted it",
                        MOTO_ANONYMOUS_PUT)
                .gap(MOTO, "presigned-get-serves-same-bytes", Symptom.checkFails(ALTERED_GET_CONTROL, "200"),
                        "moto refuses the GET without a signature but accepts it with a wrong one: it checks only that "
                                + "a signature is present, so the presigned download does not show that its signature granted it",
                        MOTO_SIGNATURE_UNCHECKED)
                .gap(LOCALSTACK, "presigned-put-uploads-without-credentials",
                        Symptom.checkFails(UNSIGNED_PUT_CONTROL, "200"),
                        "LocalStack community lets a PUT without a signature into the private bucket, so the presigned "
                                + "upload shows only that the URL is routed, not that its signature granted it",
                        LOCALSTACK_UNSIGNED_PASSES)
                .gap(LOCALSTACK, "presigned-get-serves-same-bytes", Symptom.checkFails(UNSIGNED_GET_CONTROL, "200"),
                        "LocalStack community serves the private object to a GET without a signature, so the presigned "
                                + "download shows only that the URL is routed, not that its signature granted it",
                        LOCALSTACK_UNSIGNED_PASSES)
                .gap(MOTO, "signature-bound-to-one-object", Symptom.checkFails("status", "200"),
                        "moto does not verify presigned URL signatures: a query string signed for one object opens another",
                        MOTO_SIGNATURE_UNCHECKED)
                .gap(MOTO, "expired-url-refused", Symptom.checkFails("status", "200"),
                        "moto does not check the expiry of presigned URLs: an expired URL still works",
                        "moto 5.2.5: nothing under moto/s3 or moto/core reads X-Amz-Expires; s3/responses.py _key_response "
                                + "treats any URL containing 'Signature=' as signed")
                .gap(MOTO, "signed-content-type-enforced", Symptom.checkFails("status", "200"),
                        "moto does not verify presigned URL signatures, so a Content-Type other than the signed one is accepted",
                        "moto 5.2.5: s3/responses.py _invalid_headers compares only metadata passed as query parameters "
                                + "(content-type=...) with the request headers; the SDK signs Content-Type as a header "
                                + "(X-Amz-SignedHeaders=content-type;host), which moto never checks")
                .gap(MOTO, "unsigned-put-refused", Symptom.checkFails("status", "200"),
                        "moto accepts anonymous writes: a PUT with no signature to a private bucket creates the object",
                        MOTO_ANONYMOUS_PUT)
                .gap(LOCALSTACK, "unsigned-put-refused", Symptom.checkFails("status", "200"),
                        "LocalStack community authenticates only presigned requests: a PUT with no signature to a private "
                                + "bucket creates the object",
                        LOCALSTACK_UNSIGNED_PASSES);
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        bucket = S3Bucket.create(ctx, "receipts");
        s3.putObject(r -> r.bucket(bucket).key(EXISTING).contentType(JPEG), RequestBody.fromBytes(receipt()));
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        S3Client s3 = ctx.client(S3Client.class);
        S3Presigner presigner = ctx.target().s3Presigner();
        PlainHttp http = new PlainHttp();
        byte[] receipt = receipt();

        check.that("presigned-put-uploads-without-credentials", p -> {
            PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(URL_LIFETIME)
                    .putObjectRequest(o -> o.bucket(bucket).key(UPLOADED).contentType(JPEG)));
            shown(p, "presignedPut", put);
            PlainHttp.Answer answer = http.put(put.url().toURI(), JPEG, receipt);
            p.evidence("plain HTTP PUT answered", answer.summary());
            p.equal("status of the credential-free PUT", 200, answer.status());
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(UPLOADED));
            p.call("s3:HeadObject", head);
            p.equal("ContentLength", (long) receipt.length, head.contentLength());
            p.equal("ContentType", JPEG, head.contentType());
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket(bucket).key(UPLOADED)).asByteArray();
            p.equal("stored bytes equal the uploaded bytes", true, Arrays.equals(receipt, stored));
            // The controls: only a bucket that refuses the request without the signature, and with a wrong one,
            // shows that the signature granted it, not the URL's route or the mere presence of a signature.
            URI unsigned = withoutSignature(presigner.presignPutObject(r -> r.signatureDuration(URL_LIFETIME)
                    .putObjectRequest(o -> o.bucket(bucket).key(UNSIGNED_CONTROL).contentType(JPEG))).url());
            PlainHttp.Answer control = http.put(unsigned, JPEG, receipt);
            p.evidence("control url", unsigned).evidence("plain HTTP PUT without the signature answered", control.summary());
            p.equal(UNSIGNED_PUT_CONTROL, 403, control.status());
            PlainHttp.Answer altered = http.put(withAlteredSignature(put.url()), JPEG, receipt);
            p.evidence("plain HTTP PUT with an altered signature answered", altered.summary());
            p.equal(ALTERED_PUT_CONTROL, 403, altered.status());
        });

        check.that("presigned-get-serves-same-bytes", p -> {
            PresignedGetObjectRequest get = presignGet(presigner, bucket, UPLOADED);
            shown(p, "presignedGet", get);
            PlainHttp.Answer answer = http.get(get.url().toURI());
            p.evidence("plain HTTP GET answered", answer.summary());
            p.equal("status of the credential-free GET", 200, answer.status());
            p.equal("downloaded bytes equal the uploaded bytes", true, Arrays.equals(receipt, answer.body()));
            URI unsigned = withoutSignature(get.url());
            PlainHttp.Answer control = http.get(unsigned);
            p.evidence("control url", unsigned).evidence("plain HTTP GET without the signature answered", control.summary());
            p.equal(UNSIGNED_GET_CONTROL, 403, control.status());
            PlainHttp.Answer altered = http.get(withAlteredSignature(get.url()));
            p.evidence("plain HTTP GET with an altered signature answered", altered.summary());
            p.equal(ALTERED_GET_CONTROL, 403, altered.status());
        });

        check.that("signature-bound-to-one-object", p -> {
            PresignedGetObjectRequest get = presignGet(presigner, bucket, UPLOADED);
            PlainHttp.Answer own = http.get(get.url().toURI());
            p.evidence("presignedFor", UPLOADED).evidence("plain HTTP GET of its own object answered", own.summary());
            p.equal("status of the URL on its own object", 200, own.status());
            URI retargeted = withObject(get.url(), UPLOADED, EXISTING);
            p.evidence("usedOn", EXISTING).evidence("url", retargeted);
            PlainHttp.Answer answer = http.get(retargeted);
            p.evidence("plain HTTP GET answered", answer.summary());
            p.equal("status", 403, answer.status());
            p.equal("S3 error code", "SignatureDoesNotMatch", answer.errorCode());
        });

        check.that("expired-url-refused", p -> {
            BackdatedPresigner backdated = new BackdatedPresigner(s3);
            URL address = presignGet(presigner, bucket, EXISTING).url();
            Instant now = Instant.now();
            URI current = backdated.presignGet(address, now, SHORT_LIFETIME);
            PlainHttp.Answer fresh = http.get(current);
            p.evidence("signedNow.url", current).evidence("plain HTTP GET signed now answered", fresh.summary());
            p.equal("status of the same URL signed now", 200, fresh.status());
            Instant signedAt = now.minus(SIGNED_AGO);
            URI expired = backdated.presignGet(address, signedAt, SHORT_LIFETIME);
            p.evidence("presignedGet.url", expired).evidence("presignedGet.signedAt", signedAt)
                    .evidence("presignedGet.expiresAt", signedAt.plus(SHORT_LIFETIME)).evidence("usedAt", Instant.now());
            PlainHttp.Answer answer = http.get(expired);
            p.evidence("plain HTTP GET answered", answer.summary()).evidence("S3 error message", answer.errorMessage());
            p.equal("status", 403, answer.status());
            p.equal("S3 error code", "AccessDenied", answer.errorCode());
            p.isTrue("S3 says the request has expired",
                    answer.errorMessage().toLowerCase(Locale.ROOT).contains("expired"), answer.errorMessage());
        });

        check.that("signed-content-type-enforced", p -> {
            PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(URL_LIFETIME)
                    .putObjectRequest(o -> o.bucket(bucket).key(CONTENT_TYPE_PROBE).contentType(JPEG)));
            shown(p, "presignedPut", put);
            PlainHttp.Answer signedType = http.put(put.url().toURI(), JPEG, receipt);
            p.evidence("plain HTTP PUT with " + JPEG + " answered", signedType.summary());
            p.equal("status with the signed Content-Type", 200, signedType.status());
            p.evidence("Content-Type sent", "image/png");
            PlainHttp.Answer answer = http.put(put.url().toURI(), "image/png", receipt);
            p.evidence("plain HTTP PUT answered", answer.summary());
            p.equal("status", 403, answer.status());
            p.equal("S3 error code", "SignatureDoesNotMatch", answer.errorCode());
        });

        check.that("unsigned-put-refused", p -> {
            URI unsigned = withoutSignature(presigner.presignPutObject(r -> r.signatureDuration(URL_LIFETIME)
                    .putObjectRequest(o -> o.bucket(bucket).key(UNSIGNED).contentType(JPEG))).url());
            p.evidence("url", unsigned);
            PlainHttp.Answer answer = http.put(unsigned, JPEG, receipt);
            p.evidence("plain HTTP PUT answered", answer.summary());
            p.equal("status", 403, answer.status());
            p.equal("S3 error code", "AccessDenied", answer.errorCode());
        });
    }

    /** The same presigned URL with the last hex digit of its signature changed. */
    private static URI withAlteredSignature(URL signed) {
        Matcher m = SIGNATURE.matcher(signed.toString());
        if (!m.find()) {
            throw new IllegalStateException("presigned URL carries no X-Amz-Signature");
        }
        String digit = m.group(2).equals("0") ? "1" : "0";
        return URI.create(m.replaceFirst(m.group(1) + digit));
    }

    /** The address a presigned request uses, without the query string that carries the signature. */
    private static URI withoutSignature(URL signed) {
        return URI.create(signed.getProtocol() + "://" + signed.getAuthority() + signed.getPath());
    }

    /** A GET of one object, valid for {@link #URL_LIFETIME}: the lab's, and its challenge's reference solution. */
    static PresignedGetObjectRequest presignGet(S3Presigner presigner, String bucket, String objectKey) {
        return presigner.presignGetObject(r -> r.signatureDuration(URL_LIFETIME)
                .getObjectRequest(g -> g.bucket(bucket).key(objectKey)));
    }

    /** A presigned request as the report may show it: the URL (redacted by evidence), signed headers, expiry. */
    private static void shown(Proof p, String name, PresignedRequest request) {
        p.evidence(name + ".url", request.url())
                .evidence(name + ".signedHeaders", request.signedHeaders().keySet())
                .evidence(name + ".expiresAt", request.expiration());
    }

    /** The same signed query string, pointed at another object of the bucket. */
    private static URI withObject(URL signed, String signedKey, String otherKey) throws Exception {
        String path = signed.getPath();
        if (!path.endsWith("/" + signedKey)) {
            throw new IllegalStateException("presigned path does not end with the object key " + signedKey);
        }
        String retargeted = path.substring(0, path.length() - signedKey.length()) + otherKey;
        return new URI(signed.getProtocol() + "://" + signed.getAuthority() + retargeted + "?" + signed.getQuery());
    }

    /** A JPEG-looking body (the JPEG start-of-image marker, then random bytes). */
    static byte[] receipt() {
        byte[] bytes = new byte[RECEIPT_BYTES];
        RANDOM.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }
}
