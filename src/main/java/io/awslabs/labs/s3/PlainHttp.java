package io.awslabs.labs.s3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser or a mobile app does with a presigned URL: a bare HTTP request with no AWS
 * SDK and no credentials, so only the URL itself can authorise it.
 */
final class PlainHttp {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Answer put(URI url, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(URI url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * An HTTP answer. Only the status and S3's error code and message are ever shown: the rest of
     * an S3 error body can echo the signature provided and the canonical request it signed.
     */
    record Answer(int status, byte[] body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** S3's error code from an XML error body, or "-" when there is none (moto's bare 403s). */
        String errorCode() {
            return ok() ? "-" : field(CODE);
        }

        String errorMessage() {
            return ok() ? "-" : field(MESSAGE);
        }

        /** "200, 1234 bytes" or "403 SignatureDoesNotMatch": safe for evidence. */
        String summary() {
            return ok() ? status + ", " + body.length + " bytes" : status + " " + errorCode();
        }

        private String field(Pattern pattern) {
            Matcher m = pattern.matcher(new String(body, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "-";
        }
    }
}
