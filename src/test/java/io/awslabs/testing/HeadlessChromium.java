package io.awslabs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the DevTools protocol, to open a page the way a person
 * does and see what it does. Chromium's own services (extension updates, account lookup,
 * network time) call out at start-up whatever the page is, so the browser's default traffic
 * goes to a sink proxy, and each page opens in a fresh browser context with its own recording
 * proxy: what that proxy receives came from the page and nothing else.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getenv().getOrDefault("LABS_CHROMIUM", "/usr/bin/chromium"));
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path profile;
    private final RecordingProxy sink;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<RecordingProxy> proxies = new CopyOnWriteArrayList<>();

    /** What one page did while it loaded. */
    public record Visit(String sessionId, List<String> requests, List<String> console, RecordingProxy proxy) { }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static HeadlessChromium start() throws Exception {
        return new HeadlessChromium();
    }

    private HeadlessChromium() throws Exception {
        sink = RecordingProxy.start();
        profile = Files.createTempDirectory("labs-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--proxy-server=" + sink.url(),
                "--proxy-bypass-list=<-loopback>", "--window-size=1280,1600", "--hide-scrollbars", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String url = devtoolsUrl();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new Listener()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private String devtoolsUrl() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            seen.append(line).append('\n');
            Matcher m = DEVTOOLS_URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("Chromium exited before it offered DevTools:\n" + seen);
    }

    /**
     * Opens {@code file} in a new browser context whose traffic goes to a new recording proxy,
     * and waits for the load event.
     */
    public Visit open(Path file) throws Exception {
        RecordingProxy proxy = RecordingProxy.start();
        proxies.add(proxy);
        String context = call(null, "Target.createBrowserContext", Map.of("proxyServer", proxy.url(),
                "proxyBypassList", "<-loopback>")).path("browserContextId").asText();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank", "browserContextId", context))
                .path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        for (String domain : List.of("Network", "Page", "Log", "Runtime")) {
            call(session, domain + ".enable", Map.of());
        }
        int before = events.size();
        String url = file.toUri().toString();
        call(session, "Page.navigate", Map.of("url", url));
        waitFor(session, "Page.loadEventFired", before);
        List<String> requests = new ArrayList<>();
        List<String> console = new ArrayList<>();
        List<JsonNode> seen = List.copyOf(events);
        for (JsonNode e : seen.subList(before, seen.size())) {
            if (!session.equals(e.path("sessionId").asText())) continue;
            switch (e.path("method").asText()) {
                case "Network.requestWillBeSent" -> requests.add(e.at("/params/request/url").asText());
                case "Log.entryAdded" -> console.add(e.at("/params/entry/text").asText());
                case "Runtime.consoleAPICalled" -> console.add(e.at("/params/args/0/value").asText());
                default -> { }
            }
        }
        return new Visit(session, requests, console, proxy);
    }

    /** Evaluates JavaScript in the page (DevTools is not bound by the page's CSP) and returns its value. */
    public JsonNode evaluate(Visit visit, String expression) throws Exception {
        JsonNode result = call(visit.sessionId(), "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.at("/result/value");
    }

    public byte[] screenshot(Visit visit) throws Exception {
        String png = call(visit.sessionId(), "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true)).path("data").asText();
        return Base64.getDecoder().decode(png);
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) message.put("sessionId", session);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void waitFor(String session, String method, int from) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            List<JsonNode> seen = List.copyOf(events);
            if (seen.subList(from, seen.size()).stream().anyMatch(e ->
                    method.equals(e.path("method").asText()) && session.equals(e.path("sessionId").asText()))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + method + " within " + TIMEOUT_SECONDS + " s");
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            sink.close();
            for (RecordingProxy proxy : proxies) proxy.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                        if (reply != null) reply.complete(message);
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent something that is not JSON", e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
