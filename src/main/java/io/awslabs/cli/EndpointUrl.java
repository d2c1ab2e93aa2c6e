package io.awslabs.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * An emulator endpoint as the SDK needs it: {@code http(s)://host:port} and nothing more.
 * {@code localhost:4566} parses as a URI with the scheme "localhost", and {@code not-a-url} as a
 * relative path: both would be "unreachable" after the fact, so they are refused here.
 */
final class EndpointUrl implements CommandLine.ITypeConverter<URI> {
    static final String FORM = "http(s)://host:port, e.g. http://127.0.0.1:5000 (moto) or http://127.0.0.1:4566 (LocalStack)";

    @Override
    public URI convert(String value) {
        return parse("--endpoint-url", value);
    }

    /** {@code source}: where the value came from, to name it in the message (an option or an environment variable). */
    static URI parse(String source, String value) {
        if (value.isBlank()) {
            throw new BadValue(source + " is empty", "expected " + FORM);
        }
        String text = value.strip();
        if (!text.contains("://")) {
            boolean hostAndPort = text.matches("[A-Za-z0-9.\\-]+:\\d+|\\[[0-9A-Fa-f:]+]:\\d+");
            throw new BadValue(source + " '" + value + "' " + (hostAndPort ? "has no scheme" : "is not a URL"),
                    hostAndPort ? "did you mean http://" + text + "?" : "expected " + FORM);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadValue(source + " '" + value + "' is not a URL: " + e.getReason(), "expected " + FORM);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadValue(source + " '" + value + "' is not http or https", "expected " + FORM);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BadValue(source + " '" + value + "' has no host", "expected " + FORM);
        }
        if (uri.getPort() < 0) {
            throw new BadValue(source + " '" + value + "' has no port", "expected " + FORM);
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!bare) {
            throw new BadValue(source + " '" + value + "' has more than a scheme, host and port",
                    "did you mean " + scheme + "://" + uri.getHost() + ":" + uri.getPort() + "?");
        }
        return URI.create(scheme + "://" + uri.getHost() + ":" + uri.getPort());
    }
}
