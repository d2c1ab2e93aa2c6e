package io.awslabs.labs.wafv2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain HTTP GETs sent to one URL as fast as one client sends them, from this machine's single
 * address, until the first 403 or the time limit: what a rate-based rule counts per IP. Failures
 * to connect (a DNS name not yet published) count as such and the burst goes on.
 */
final class TrafficBurst {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How many answers of each status came (0: no answer), and how many requests it took to see a 403. */
    record Outcome(Map<Integer, Integer> statuses, int sent, int firstBlockedAt) {
        boolean blocked() {
            return firstBlockedAt > 0;
        }
    }

    static Outcome send(URI url, Duration limit) throws InterruptedException {
        Map<Integer, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            sent++;
            int status = statusOf(url);
            statuses.merge(status, 1, Integer::sum);
            if (status == 403) {
                return new Outcome(statuses, sent, sent);
            }
        }
        return new Outcome(statuses, sent, 0);
    }

    private static int statusOf(URI url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
