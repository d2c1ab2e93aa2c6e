package io.awslabs.labs.ecs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The public IPv4 address this machine reaches AWS from, as AWS's own checkip service sees it. */
final class ThisMachine {
    static final URI CHECK_IP = URI.create("https://checkip.amazonaws.com/");

    private ThisMachine() { }

    static String publicIpv4() throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(CHECK_IP).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        String ip = answer.body().strip();
        if (answer.statusCode() != 200 || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IOException(CHECK_IP + " answered " + answer.statusCode() + ": " + ip);
        }
        return ip;
    }
}
