package io.awslabs.labs.s3;

import io.awslabs.targets.S3WebsiteEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a browser sends to S3: unsigned requests, with the Origin header and preflights a page on
 * another site causes. Requests to a website endpoint go over a plain socket because they must
 * carry the website's Host header, which the JDK's HTTP client does not let a caller set (an
 * emulator serves every bucket's website at one address and tells them apart by Host).
 */
final class BrowserHttp {
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_BODY = 1 << 20;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A request to an object's REST URL, with these headers (Origin, Access-Control-Request-Method). */
    Answer rest(String method, URI url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> received = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> received.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        return new Answer(response.statusCode(), received, response.body());
    }

    /** A GET of {@code path} at a bucket's website endpoint. */
    Answer website(S3WebsiteEndpoint site, String path) throws IOException {
        URI to = site.connectTo();
        int port = to.getPort() > 0 ? to.getPort() : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(to.getHost(), port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + site.host() + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in)
                : headers.containsKey("content-length") ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
                : in.readNBytes(MAX_BODY);
        return new Answer(Integer.parseInt(parts[1]), headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String size = line(in);
        int semicolon = size.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** An HTTP answer: status, headers by lower-case name, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** "200 text/html: <first characters>": enough to tell an HTML page from an S3 XML answer. */
        String summary() {
            String text = text().replaceAll("\\s+", " ").trim();
            return status + " " + header("content-type").orElse("-") + ": " + (text.length() > 90 ? text.substring(0, 90) + "..." : text);
        }
    }
}
