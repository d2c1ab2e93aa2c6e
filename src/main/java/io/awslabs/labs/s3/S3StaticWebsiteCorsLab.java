package io.awslabs.labs.s3;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.resources.s3.S3BucketPolicy;
import io.awslabs.resources.s3.S3PublicAccessOpening;
import io.awslabs.targets.S3WebsiteEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.WebsiteConfiguration;

/**
 * Proves what it takes for S3 itself to serve a site's pages and images to browsers, so the web
 * tier does not: a website configuration (index and error documents at the website endpoint),
 * public read granted by a bucket policy once Block Public Access is off for the bucket, and a
 * CORS configuration that tells a page on another site which of its requests S3 answers.
 */
public final class S3StaticWebsiteCorsLab implements Lab {
    static final String ID = "s3-static-website-cors";
    static final String INDEX = "index.html";
    static final String ERROR = "error.html";
    static final String IMAGE = "images/logo.svg";
    static final String ALLOWED_ORIGIN = "https://shop.example.com";
    static final String OTHER_ORIGIN = "https://elsewhere.example.net";
    static final String INDEX_PAGE = "<html><body><h1>labs static site</h1><img src=\"images/logo.svg\"></body></html>";
    static final String ERROR_PAGE = "<html><body><h1>labs: page not found</h1></body></html>";
    static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Duration ASK_EVERY = Duration.ofSeconds(3);

    private final BrowserHttp browser = new BrowserHttp();
    private String bucket;

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "S3 static website and CORS: serve the images out of S3, not the web tier")
                .exam(ExamDomain.HIGH_PERFORMING, "3.1 Determine high-performing and/or scalable storage solutions")
                .concept("A bucket configured as a static website answers plain HTTP GETs at its website endpoint "
                        + "(http://<bucket>.s3-website-<region>.amazonaws.com or s3-website.<region>, depending on the "
                        + "Region) with an index document for / and an error document for a missing key, but only for "
                        + "objects anonymous users may read: Block Public Access must be off for the bucket and a bucket "
                        + "policy must grant s3:GetObject to everyone. A page served from another site that fetches those "
                        + "images or files with JavaScript also needs the bucket's CORS configuration to allow its Origin; "
                        + "S3 answers any other origin without Access-Control-Allow-Origin and refuses a preflight for a "
                        + "method no rule allows.")
                .examAngle("'Serve the image out of S3 so that it isn't being served out of your web application tier': "
                        + "the browser downloads static content from S3 (or CloudFront in front of it) instead of asking "
                        + "the EC2 instances, which then only render dynamic pages. Which settings make a bucket a website? "
                        + "Why does a fetch from www.example.com fail with a CORS error while the same URL opens in a tab? "
                        + "Website endpoints speak HTTP only: HTTPS or a custom domain certificate takes CloudFront.")
                .services("s3")
                .costPerRunUsd(0.01, "one bucket with three objects of a few hundred bytes stored for minutes, about "
                        + "30 requests at $0.005 per 1,000 PUT and $0.0004 per 1,000 GET, and a few KB of data transfer "
                        + "out (aws.amazon.com/s3/pricing)")
                .provisions(S3Bucket.KIND, S3BucketPolicy.KIND, S3PublicAccessOpening.KIND)
                .calls("s3:PutBucketCORS", "s3:PutBucketWebsite", "s3:PutObject")
                .creates("an S3 bucket named after the run id and tagged with it, holding index.html, error.html and "
                                + "images/logo.svg, configured as a static website and with one CORS rule allowing GET "
                                + "and HEAD from " + ALLOWED_ORIGIN,
                        "Block Public Access turned off for that bucket only (never for the account), turned back on "
                                + "at teardown, and a bucket policy granting everyone s3:GetObject, removed at teardown; "
                                + "teardown then deletes every object version and the bucket")
                .asserts("private-object-refused-until-public-policy",
                        "An anonymous GET of an object in a new bucket is refused with 403; after Block Public Access "
                                + "is turned off for the bucket and a bucket policy grants everyone s3:GetObject, the same "
                                + "GET returns the object")
                .asserts("website-serves-index-document",
                        "A GET of / at the bucket's website endpoint returns the index document (200, text/html, the "
                                + "bytes of index.html), not an S3 XML listing")
                .asserts("website-serves-error-document",
                        "A GET of a missing key at the website endpoint answers 404 with the bucket's error document "
                                + "as the body, not S3's XML NoSuchKey error")
                .asserts("cors-allowed-origin-gets-allow-origin",
                        "A GET of the image with Origin: " + ALLOWED_ORIGIN + ", which the CORS rule allows, returns "
                                + "Access-Control-Allow-Origin naming that origin")
                .asserts("cors-other-origin-gets-none",
                        "A GET of the same image with Origin: " + OTHER_ORIGIN + ", which no rule allows, returns the "
                                + "object without Access-Control-Allow-Origin (so a browser hides it from the page), "
                                + "while the allowed origin gets the header")
                .asserts("cors-preflight-refuses-unallowed-method",
                        "A preflight (OPTIONS with Access-Control-Request-Method) from the allowed origin for DELETE, "
                                + "which the rule does not allow, is refused with 403, while the preflight for GET is "
                                + "answered 200 with Access-Control-Allow-Origin and Access-Control-Allow-Methods")
                .note("Why images go to S3: each image a page shows is a request the web tier no longer serves. The "
                        + "instances behind the load balancer only render pages; S3 scales the downloads by itself, and "
                        + "CloudFront in front of the bucket caches them at edge locations near users, adds HTTPS and "
                        + "keeps the bucket private with origin access control (the cloudfront-private-origin lab).")
                .note("The website endpoint form depends on the Region: dash (s3-website-us-east-1) for the Regions S3 "
                        + "had before 2014, dot (s3-website.eu-central-1) for the others; the target gives it "
                        + "(docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints).")
                .note("S3 Block Public Access is on for every new bucket since April 2023, so PutBucketPolicy with a "
                        + "public statement is refused until the bucket's setting is off; an account-level Block Public "
                        + "Access setting still wins, and this lab does not change it: turn it off in a sandbox account "
                        + "only, or the policy step fails with AccessDenied.")
                .note("A browser sends Origin on a cross-origin fetch and a preflight OPTIONS before a non-simple "
                        + "request; S3 evaluates the bucket's CORS rules in order and uses the first that matches the "
                        + "origin, the method and the requested headers "
                        + "(docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html).")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html")
                .source("https://docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/CustomErrorDocSupport.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html")
                .gap(MOTO, "website-serves-index-document", Symptom.checkFails("GET / at the website endpoint", "ListBucketResult"),
                        "moto stores a bucket's website configuration but serves no website endpoint: a request for "
                                + "<bucket>.s3-website... is handled as a REST request to the bucket, so / lists its objects",
                        "moto 5.2.5: s3/responses.py keeps PutBucketWebsite as bucket.website_configuration and reads it "
                                + "only in GetBucketWebsite; s3/urls.py routes every host to the REST handlers")
                .gap(MOTO, "website-serves-error-document", Symptom.checkFails("GET of a missing key at the website endpoint", "NoSuchKey"),
                        "moto serves no website endpoint, so a missing key answers S3's XML NoSuchKey error instead of "
                                + "the error document",
                        "moto 5.2.5: s3/responses.py _key_response_get raises MissingKey (NoSuchKey) whatever the "
                                + "bucket's website configuration")
                .gap(MOTO, "cors-preflight-refuses-unallowed-method",
                        Symptom.checkFails("preflight for GET, which the rule allows", "403"),
                        "moto answers every anonymous preflight for an object with 403: it judges the OPTIONS "
                                + "request as an action s3:OptionsObject, which no bucket policy grants, before it looks at "
                                + "CORS (AWS answers a preflight from the CORS configuration alone); and where it does answer "
                                + "one (on the bucket) it matches only the Origin, never Access-Control-Request-Method",
                        "moto 5.2.5: s3/responses.py _key_response builds action s3:{Method}Object and returns 403 for an "
                                + "anonymous request the policy does not permit on a key whose ACL is not public-read; "
                                + "_set_cors_headers_options compares only the Origin with the rules")
                .gap(LOCALSTACK, "private-object-refused-until-public-policy",
                        Symptom.checkFails("anonymous GET before the policy", "200"),
                        "LocalStack community checks no permission on S3 requests: an anonymous GET of a private object "
                                + "is served",
                        "localstack-core 4.14.0: localstack/services/s3/provider.py get_object has no access check; "
                                + "ACL and policy enforcement are not in the community edition");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        bucket = S3Bucket.create(ctx, "site");
        S3Client s3 = ctx.client(S3Client.class);
        uploadSite(s3, bucket);
        s3.putBucketWebsite(r -> r.bucket(bucket).websiteConfiguration(website()));
        s3.putBucketCors(r -> r.bucket(bucket).corsConfiguration(c -> c.corsRules(corsRule())));
    }

    static void uploadSite(S3Client s3, String bucket) {
        s3.putObject(r -> r.bucket(bucket).key(INDEX).contentType("text/html"), RequestBody.fromString(INDEX_PAGE));
        s3.putObject(r -> r.bucket(bucket).key(ERROR).contentType("text/html"), RequestBody.fromString(ERROR_PAGE));
        s3.putObject(r -> r.bucket(bucket).key(IMAGE).contentType("image/svg+xml"), RequestBody.fromString(LOGO));
    }

    static WebsiteConfiguration website() {
        return WebsiteConfiguration.builder().indexDocument(i -> i.suffix(INDEX)).errorDocument(e -> e.key(ERROR)).build();
    }

    static CORSRule corsRule() {
        return CORSRule.builder().allowedOrigins(ALLOWED_ORIGIN).allowedMethods("GET", "HEAD").maxAgeSeconds(3000).build();
    }

    /** Everyone may read every object: what a website endpoint needs. */
    static String publicReadPolicy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicReadForWebsite\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    /**
     * Block Public Access off for this bucket, then the public-read policy. On AWS the setting takes a
     * moment to be in force, and until it is the public policy is refused with 403 AccessDenied.
     */
    static void makePublic(LabContext ctx, String bucket) throws Exception {
        S3PublicAccessOpening.open(ctx, bucket);
        ctx.waits().retrying(ctx.words("wait.blockPublicAccessOff", bucket), PROPAGATION, ASK_EVERY,
                () -> S3BucketPolicy.put(ctx, bucket, publicReadPolicy(bucket)),
                e -> e instanceof S3Exception refused && refused.statusCode() == 403);
    }

    static URI objectUrl(S3Client s3, String bucket, String key) throws Exception {
        return s3.utilities().getUrl(r -> r.bucket(bucket).key(key)).toURI();
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        URI image = objectUrl(s3, bucket, IMAGE);
        S3WebsiteEndpoint site = ctx.target().s3Website(bucket);

        check.that("private-object-refused-until-public-policy", p -> {
            BrowserHttp.Answer before = browser.rest("GET", image, Map.of());
            p.evidence("url", image).evidence("GET before the policy", before.summary());
            p.equal("anonymous GET before the policy", 403, before.status());
            makePublic(ctx, bucket);
            p.evidence("bucketPolicy", publicReadPolicy(bucket));
            BrowserHttp.Answer after = ctx.waits().afterChange(ctx.words("wait.publicReadInForce"), PROPAGATION,
                    ASK_EVERY, () -> browser.rest("GET", image, Map.of()), a -> a.status() == 200, BrowserHttp.Answer::summary);
            p.evidence("GET after the policy", after.summary());
            p.equal("anonymous GET after the policy", 200, after.status());
            p.equal("bytes served", LOGO, after.text());
        });

        check.that("website-serves-index-document", p -> {
            BrowserHttp.Answer index = ctx.waits().afterChange(ctx.words("wait.indexServed"), PROPAGATION,
                    ASK_EVERY, () -> browser.website(site, "/"), a -> a.status() == 200, BrowserHttp.Answer::summary);
            p.evidence("websiteEndpoint", site.url()).evidence("GET /", index.summary());
            p.equal("GET / at the website endpoint", "200 text/html: " + INDEX_PAGE, index.summary());
        });

        check.that("website-serves-error-document", p -> {
            BrowserHttp.Answer missing = browser.website(site, "/no-such-page.html");
            p.evidence("websiteEndpoint", site.url()).evidence("GET /no-such-page.html", missing.summary());
            p.equal("GET of a missing key at the website endpoint", "404 text/html: " + ERROR_PAGE, missing.summary());
        });

        check.that("cors-allowed-origin-gets-allow-origin", p -> {
            BrowserHttp.Answer allowed = browser.rest("GET", image, Map.of("Origin", ALLOWED_ORIGIN));
            p.evidence("url", image).evidence("GET, Origin " + ALLOWED_ORIGIN, allowed.status() + " " + allowed.headers());
            p.equal("status", 200, allowed.status());
            p.equal("Access-Control-Allow-Origin", ALLOWED_ORIGIN, allowed.header("Access-Control-Allow-Origin").orElse(null));
        });

        check.that("cors-other-origin-gets-none", p -> {
            BrowserHttp.Answer other = browser.rest("GET", image, Map.of("Origin", OTHER_ORIGIN));
            BrowserHttp.Answer allowed = browser.rest("GET", image, Map.of("Origin", ALLOWED_ORIGIN));
            p.evidence("GET, Origin " + OTHER_ORIGIN, other.status() + " " + other.headers())
                    .evidence("GET, Origin " + ALLOWED_ORIGIN, allowed.status() + " " + allowed.headers());
            p.equal("Access-Control-Allow-Origin for the allowed origin", ALLOWED_ORIGIN,
                    allowed.header("Access-Control-Allow-Origin").orElse(null));
            p.equal("status for the other origin (S3 serves it; the browser hides it)", 200, other.status());
            p.equal("Access-Control-Allow-Origin for the other origin", null,
                    other.header("Access-Control-Allow-Origin").orElse(null));
        });

        check.that("cors-preflight-refuses-unallowed-method", p -> {
            BrowserHttp.Answer get = browser.rest("OPTIONS", image,
                    Map.of("Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "GET"));
            BrowserHttp.Answer delete = browser.rest("OPTIONS", image,
                    Map.of("Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "DELETE"));
            p.evidence("OPTIONS for GET", get.status() + " " + get.headers())
                    .evidence("OPTIONS for DELETE", delete.status() + " " + delete.headers());
            p.equal("preflight for GET, which the rule allows", 200, get.status());
            p.equal("Access-Control-Allow-Origin of the GET preflight", ALLOWED_ORIGIN,
                    get.header("Access-Control-Allow-Origin").orElse(null));
            p.isTrue("Access-Control-Allow-Methods of the GET preflight names GET",
                    get.header("Access-Control-Allow-Methods").orElse("").contains("GET"),
                    get.header("Access-Control-Allow-Methods").orElse(null));
            p.equal("preflight for DELETE, which no rule allows", 403, delete.status());
        });
    }
}
