package io.awslabs.labs.s3;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.targets.S3WebsiteEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;

/**
 * The learner turns a public bucket holding a shop's pages and images into its static website,
 * and lets the shop's own pages (and no others) read the images from a script. The checks ask
 * the website endpoint and send the requests a browser sends, with an Origin.
 */
public final class S3StaticWebsiteCorsChallenge implements Challenge {
    static final String BUCKET = "bucket";
    static final String ORIGIN = "origin";
    private static final String MOTO_SOURCE = "moto 5.2.5: s3/responses.py keeps PutBucketWebsite for GetBucketWebsite "
            + "only; s3/urls.py routes every host to the REST handlers";

    private final BrowserHttp browser = new BrowserHttp();

    @Override
    public String labId() {
        return S3StaticWebsiteCorsLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The shop's bucket is its website: its website endpoint shows index.html for / and "
                        + "error.html for a page that does not exist, and scripts on the shop's pages ("
                        + S3StaticWebsiteCorsLab.ALLOWED_ORIGIN + ") may read its images, while pages of any other "
                        + "site may not.")
                .creates("an S3 bucket named after the run id holding index.html, error.html and images/logo.svg, "
                        + "with Block Public Access off for that bucket only and a bucket policy letting everyone read "
                        + "its objects; no website configuration and no CORS yet")
                .resource(BUCKET, "the shop's bucket: public-read pages and images, not yet a website, no CORS")
                .check("website-serves-index-document",
                        "The bucket is a website whose index document is index.html, and its website endpoint answers / "
                                + "with that page")
                .check("website-serves-error-document",
                        "The website's error document is error.html, and a missing page at the website endpoint is "
                                + "answered 404 with that page")
                .check("shop-origin-may-read-images",
                        "A GET of the image with the shop's Origin is answered with Access-Control-Allow-Origin naming it")
                .check("only-the-shop-origin",
                        "The same GET with another site's Origin gets no Access-Control-Allow-Origin, while the shop's does")
                .hints("Two settings of the bucket: static website hosting (index and error documents) and Cross-Origin "
                                + "Resource Sharing (which origins may read with which methods).",
                        "The S3 API calls PutBucketWebsite (console: Properties, 'Static website hosting') and PutBucketCors "
                                + "(console: Permissions, 'Cross-origin resource sharing (CORS)') with one rule allowing GET "
                                + "and HEAD from the shop's origin.")
                .gap(MOTO, "website-serves-index-document", Symptom.checkFails("GET / at the website endpoint", "ListBucketResult"),
                        "moto stores the website configuration but serves no website endpoint: / at <bucket>.s3-website... "
                                + "is a REST request that lists the bucket", MOTO_SOURCE)
                .gap(MOTO, "website-serves-error-document",
                        Symptom.checkFails("GET of a missing page at the website endpoint", "NoSuchKey"),
                        "moto serves no website endpoint: a missing key answers S3's XML NoSuchKey error, not the error "
                                + "document", MOTO_SOURCE);
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        String bucket = S3Bucket.create(ctx, "shop");
        S3Client s3 = ctx.client(S3Client.class);
        S3StaticWebsiteCorsLab.uploadSite(s3, bucket);
        S3StaticWebsiteCorsLab.makePublic(ctx, bucket);
        scaffold.item(BUCKET, S3Bucket.KIND.type(), bucket, "arn:aws:s3:::" + bucket);
        scaffold.value(ORIGIN, S3StaticWebsiteCorsLab.ALLOWED_ORIGIN);
        scaffold.value("websiteEndpoint", ctx.target().s3Website(bucket).url());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String bucket = scaffold.id(BUCKET);
        String origin = scaffold.value(ORIGIN);
        S3WebsiteEndpoint site = ctx.target().s3Website(bucket);
        URI image = S3StaticWebsiteCorsLab.objectUrl(s3, bucket, S3StaticWebsiteCorsLab.IMAGE);
        GetBucketWebsiteResponse website = websiteOf(s3, bucket);
        String index = website == null || website.indexDocument() == null ? null : website.indexDocument().suffix();
        String error = website == null || website.errorDocument() == null ? null : website.errorDocument().key();

        check.that("website-serves-index-document", p -> {
            p.evidence("websiteEndpoint", site.url()).evidence("IndexDocument", index);
            p.equal("IndexDocument", S3StaticWebsiteCorsLab.INDEX, index, website == null
                    ? ctx.words("fail.notAWebsiteYet") : ctx.words("fail.otherIndexDocument", index));
            BrowserHttp.Answer root = browser.website(site, "/");
            p.evidence("GET /", root.summary());
            p.equal("GET / at the website endpoint", "200 text/html: " + S3StaticWebsiteCorsLab.INDEX_PAGE, root.summary(),
                    ctx.words("fail.rootNotIndexPage", root.summary()));
        });
        check.that("website-serves-error-document", p -> {
            p.evidence("websiteEndpoint", site.url()).evidence("ErrorDocument", error);
            p.equal("ErrorDocument", S3StaticWebsiteCorsLab.ERROR, error, error == null
                    ? ctx.words("fail.noErrorDocument") : ctx.words("fail.otherErrorDocument", error));
            BrowserHttp.Answer missing = browser.website(site, "/no-such-page.html");
            p.evidence("GET /no-such-page.html", missing.summary());
            p.equal("GET of a missing page at the website endpoint", "404 text/html: " + S3StaticWebsiteCorsLab.ERROR_PAGE,
                    missing.summary(), ctx.words("fail.missingPageNotErrorPage", missing.summary()));
        });

        BrowserHttp.Answer shop = browser.rest("GET", image, Map.of("Origin", origin));
        check.that("shop-origin-may-read-images", p -> {
            p.evidence("url", image).evidence("GET, Origin " + origin, shop.status() + " " + shop.headers());
            p.equal("Access-Control-Allow-Origin", origin, shop.header("Access-Control-Allow-Origin").orElse(null),
                    ctx.words("fail.shopOriginNotAllowed", origin));
        });
        check.that("only-the-shop-origin", p -> {
            BrowserHttp.Answer other = browser.rest("GET", image, Map.of("Origin", S3StaticWebsiteCorsLab.OTHER_ORIGIN));
            p.evidence("GET, Origin " + S3StaticWebsiteCorsLab.OTHER_ORIGIN, other.status() + " " + other.headers());
            p.equal("Access-Control-Allow-Origin for the shop", origin, shop.header("Access-Control-Allow-Origin").orElse(null),
                    ctx.words("fail.shopOriginNotAllowedYet"));
            p.equal("Access-Control-Allow-Origin for another site", null,
                    other.header("Access-Control-Allow-Origin").orElse(null),
                    ctx.words("fail.otherOriginAllowed", S3StaticWebsiteCorsLab.OTHER_ORIGIN));
        });
    }

    /** The bucket's website configuration, or null when it has none. */
    private static GetBucketWebsiteResponse websiteOf(S3Client s3, String bucket) {
        try {
            return s3.getBucketWebsite(r -> r.bucket(bucket));
        } catch (AwsServiceException e) {
            if ("NoSuchWebsiteConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return null;
            }
            throw e;
        }
    }

    /** The lab's own website configuration and CORS rule. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) {
        S3Client s3 = ctx.client(S3Client.class);
        String bucket = scaffold.id(BUCKET);
        s3.putBucketWebsite(r -> r.bucket(bucket).websiteConfiguration(S3StaticWebsiteCorsLab.website()));
        s3.putBucketCors(r -> r.bucket(bucket).corsConfiguration(c -> c.corsRules(S3StaticWebsiteCorsLab.corsRule())));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String bucket = scaffold.id(BUCKET);
        return List.of(
                "aws s3api put-bucket-website --bucket " + bucket + " --website-configuration "
                        + "'{\"IndexDocument\":{\"Suffix\":\"" + S3StaticWebsiteCorsLab.INDEX + "\"},"
                        + "\"ErrorDocument\":{\"Key\":\"" + S3StaticWebsiteCorsLab.ERROR + "\"}}'",
                "aws s3api put-bucket-cors --bucket " + bucket + " --cors-configuration "
                        + "'{\"CORSRules\":[{\"AllowedOrigins\":[\"" + scaffold.value(ORIGIN) + "\"],"
                        + "\"AllowedMethods\":[\"GET\",\"HEAD\"],\"MaxAgeSeconds\":3000}]}'");
    }
}
