package io.awslabs.labs.s3;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.s3.S3Bucket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The learner shares one receipt of a private bucket with an auditor who has no AWS credentials,
 * for at most ten minutes, through a presigned URL written to the challenge directory. The checks
 * fetch the URL as the auditor's browser would, with no SDK, and try it where it must not work.
 */
public final class S3PresignedUploadChallenge implements Challenge {
    static final String BUCKET = "bucket";
    static final String URL_FILE = "auditor-url.txt";
    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String labId() {
        return "s3-presigned-upload";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("An auditor with no AWS credentials can download the receipt "
                        + S3PresignedUploadLab.EXISTING + " from this private bucket, and nothing else of it, through a "
                        + "URL that stops working within 10 minutes; the URL is the only line of the file " + URL_FILE
                        + " of the challenge directory. The bucket stays private.")
                .creates("a private S3 bucket named after the run id, holding two receipt images")
                .file(URL_FILE)
                .resource(BUCKET, "the private bucket of the receipts: {0} is the auditor's, {1} is not")
                .check("url-downloads-the-receipt",
                        "A plain HTTP GET of the URL, with no AWS credentials, returns the receipt's bytes, while the "
                                + "same request without the URL's signature is refused: the bucket is still private")
                .check("url-expires-within-ten-minutes",
                        "The URL stops working at most 10 minutes after it was signed")
                .check("url-opens-nothing-else",
                        "The URL's signature does not open another object of the bucket")
                .hints("S3 presigned URLs: a URL carrying a signature made with your credentials lets whoever holds it "
                                + "make that one request, until it expires, with no credentials of their own.",
                        "The SDKs' presigner (GetObject with a signature duration), the AWS CLI's 's3 presign' with "
                                + "--expires-in in seconds, or the console's 'Share with a presigned URL' on the object.")
                .gap(LOCALSTACK, "url-downloads-the-receipt",
                        Symptom.checkFails("the same request without the URL's signature is refused", "200"),
                        "LocalStack community authenticates only presigned requests: a GET with no signature of an object "
                                + "in a private bucket is served",
                        "localstack/services/s3/presigned_url.py S3PreSignedURLRequestHandler returns without any check when "
                                + "is_presigned_url_request() finds no signature query parameter, and provider.py get_object "
                                + "checks no ACL or bucket policy (localstack-core 4.14.0)")
                .gap(MOTO, "url-opens-nothing-else",
                        Symptom.checkFails("the URL's signature on another object is refused", "200"),
                        "moto does not verify presigned URL signatures: a query string signed for one object opens another",
                        "moto 5.2.5: s3/responses.py _key_response only tests whether 'Signature=' occurs in the URL, and "
                                + "for an existing object a signed URL merely skips the ACL check");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String bucket = S3Bucket.create(ctx, "receipts");
        for (String key : List.of(S3PresignedUploadLab.EXISTING, S3PresignedUploadLab.UPLOADED)) {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(S3PresignedUploadLab.JPEG),
                    RequestBody.fromBytes(S3PresignedUploadLab.receipt()));
        }
        scaffold.item(BUCKET, S3Bucket.KIND.type(), bucket, "arn:aws:s3:::" + bucket, S3PresignedUploadLab.EXISTING,
                        S3PresignedUploadLab.UPLOADED)
                .value(URL_FILE, scaffold.file(URL_FILE).toString());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        PlainHttp http = new PlainHttp();
        String bucket = scaffold.id(BUCKET);
        String receiptKey = S3PresignedUploadLab.EXISTING;
        Path file = scaffold.file(URL_FILE);

        check.that("url-downloads-the-receipt", p -> {
            URI url = readUrl(ctx, p, file);
            p.isTrue("the URL is for " + receiptKey, pathOf(url, bucket).equals("/" + receiptKey), url.getPath(),
                    ctx.words("fail.urlForAnotherObject", receiptKey, bucket, url.getHost() + url.getPath()));
            PlainHttp.Answer answer = http.get(url);
            p.evidence("plain HTTP GET answered", answer.summary());
            p.equal("status of the credential-free GET", 200, answer.status(), answer.status() == 403
                    ? ctx.words("fail.urlRefusedSaying", answer.summary(), answer.errorMessage())
                    : ctx.words("fail.urlRefused", answer.summary()));
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket(bucket).key(receiptKey)).asByteArray();
            p.isTrue("downloaded bytes equal the stored receipt", Arrays.equals(stored, answer.body()),
                    answer.body().length + " bytes", ctx.words("fail.urlServesSomethingElse"));
            URI unsigned = URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
            PlainHttp.Answer bare = http.get(unsigned);
            p.evidence("GET without the signature answered", bare.summary());
            p.equal("the same request without the URL's signature is refused", 403, bare.status(),
                    ctx.words("fail.receiptDownloadableByAnyone"));
        });

        check.that("url-expires-within-ten-minutes", p -> {
            Map<String, String> query = query(readUrl(ctx, p, file));
            Duration lifetime;
            if (query.containsKey("X-Amz-Expires")) {
                lifetime = Duration.ofSeconds(Long.parseLong(query.get("X-Amz-Expires")));
                p.evidence("signedAt", signedAt(query.get("X-Amz-Date"))).evidence("X-Amz-Expires", lifetime.toSeconds());
            } else if (query.containsKey("Expires")) {
                // a SigV2 URL (the AWS CLI version 1 makes them) says only when it expires
                Instant expires = Instant.ofEpochSecond(Long.parseLong(query.get("Expires")));
                lifetime = Duration.between(Instant.now(), expires);
                p.evidence("expiresAt", expires);
            } else {
                p.isTrue("the URL says when it expires", false, query.keySet(),
                        ctx.words("fail.urlWithoutExpiry"));
                return;
            }
            p.isTrue("it expires within " + LONGEST.toMinutes() + " minutes", lifetime.compareTo(LONGEST) <= 0,
                    lifetime.toSeconds() + " s",
                    ctx.words("fail.urlLivesTooLong", lifetime.toSeconds(), LONGEST.toMinutes()));
        });

        check.that("url-opens-nothing-else", p -> {
            URI url = readUrl(ctx, p, file);
            PlainHttp.Answer own = http.get(url);
            p.equal("the URL opens its own object", 200, own.status(), ctx.words("fail.urlRefused", own.summary()));
            URI other = retarget(url, receiptKey, S3PresignedUploadLab.UPLOADED);
            PlainHttp.Answer answer = http.get(other);
            p.evidence("usedOn", S3PresignedUploadLab.UPLOADED).evidence("plain HTTP GET answered", answer.summary());
            p.equal("the URL's signature on another object is refused", 403, answer.status(),
                    ctx.words("fail.signatureOpensAnother", S3PresignedUploadLab.UPLOADED));
        });
    }

    private static URI readUrl(LabContext ctx, CheckProof p, Path file) throws Exception {
        p.isTrue(file.getFileName() + " exists", Files.isRegularFile(file), file, ctx.words("fail.noUrlFile", file));
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            URI url = new URI(text);
            p.isTrue(file.getFileName() + " holds an http(s) URL", url.getScheme() != null
                    && url.getScheme().startsWith("http") && url.getRawQuery() != null, url.getScheme(),
                    ctx.words("fail.fileHoldsNoPresignedUrl", file));
            return url;
        } catch (java.net.URISyntaxException e) {
            p.isTrue(file.getFileName() + " holds a URL", false, e.getMessage(), ctx.words("fail.fileHoldsNoUrl", file));
            throw new AssertionError("unreachable");
        }
    }

    /** The object path of an S3 URL, path-style ({@code /bucket/key}) or virtual-hosted ({@code bucket.s3...}). */
    static String pathOf(URI url, String bucket) {
        String path = url.getPath() == null ? "" : url.getPath();
        if (url.getHost() != null && url.getHost().startsWith(bucket + ".")) {
            return path;
        }
        return path.startsWith("/" + bucket + "/") ? path.substring(bucket.length() + 1) : path;
    }

    static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Object signedAt(String amzDate) {
        try {
            return AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException | NullPointerException e) {
            return amzDate;
        }
    }

    /** The same URL, query string and all, pointed at another object. */
    static URI retarget(URI url, String signedKey, String otherKey) {
        String path = url.getRawPath();
        String retargeted = path.endsWith("/" + signedKey)
                ? path.substring(0, path.length() - signedKey.length()) + otherKey : path + "-" + otherKey;
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + retargeted + "?" + url.getRawQuery());
    }

    /** The lab's own presigned GET, written where the auditor's URL goes. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        String url = S3PresignedUploadLab.presignGet(ctx.target().s3Presigner(), scaffold.id(BUCKET),
                S3PresignedUploadLab.EXISTING).url().toString();
        Files.writeString(scaffold.file(URL_FILE), url + "\n");
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws s3 presign s3://" + scaffold.id(BUCKET) + "/" + S3PresignedUploadLab.EXISTING
                + " --expires-in " + S3PresignedUploadLab.URL_LIFETIME.toSeconds() + " > '" + scaffold.file(URL_FILE) + "'");
    }
}
