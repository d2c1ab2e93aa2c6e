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
    static final ErrorText.Phrase FORM = ErrorText.phrase("endpoint.form");

    @Override
    public URI convert(String value) {
        return parse("--endpoint-url", value);
    }

    /** {@code source}: where the value came from, to name it in the message (an option or an environment variable). */
    static URI parse(String source, String value) {
        if (value.isBlank()) {
            throw new BadValue(new ErrorText("endpointEmpty", source, FORM));
        }
        String text = value.strip();
        if (!text.contains("://")) {
            boolean hostAndPort = text.matches("[A-Za-z0-9.\\-]+:\\d+|\\[[0-9A-Fa-f:]+]:\\d+");
            throw new BadValue(hostAndPort ? new ErrorText("endpointNoScheme", source, value, text)
                    : new ErrorText("endpointNotUrl", source, value, FORM));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadValue(new ErrorText("endpointUnparsable", source, value, e.getReason(), FORM));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadValue(new ErrorText("endpointScheme", source, value, FORM));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BadValue(new ErrorText("endpointNoHost", source, value, FORM));
        }
        if (uri.getPort() < 0) {
            throw new BadValue(new ErrorText("endpointNoPort", source, value, FORM));
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!bare) {
            throw new BadValue(new ErrorText("endpointMore", source, value, scheme + "://" + uri.getHost() + ":" + uri.getPort()));
        }
        return URI.create(scheme + "://" + uri.getHost() + ":" + uri.getPort());
    }
}
