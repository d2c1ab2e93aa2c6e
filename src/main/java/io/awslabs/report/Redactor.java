package io.awslabs.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets before anything is stored or printed: presigned URL signatures and
 * credentials, security tokens, secret keys and PEM private keys. One place, used by evidence,
 * progress and every report writer, so no format can leak what another hides.
 */
public final class Redactor {
    public static final String MASK = "REDACTED";

    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)((?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|AWSAccessKeyId)=)[^&\\s\"'<>]+");
    private static final Pattern AUTH_HEADER_SIGNATURE = Pattern.compile("(?i)(Signature=)[0-9a-f]{16,}");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA)[A-Z0-9]{4})[A-Z0-9]{12}\\b");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)((?<![\\w/-])\"?(?:secretAccessKey|secret_access_key|sessionToken|aws_session_token|password)\"?\\s*[=:]\\s*\"?)[^\",\\s}]+");

    private Redactor() { }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = QUERY_SECRET.matcher(text).replaceAll("$1" + MASK);
        out = AUTH_HEADER_SIGNATURE.matcher(out).replaceAll("$1" + MASK);
        out = PRIVATE_KEY.matcher(out).replaceAll(Matcher.quoteReplacement("-----BEGIN PRIVATE KEY----- " + MASK + " -----END PRIVATE KEY-----"));
        out = ACCESS_KEY_ID.matcher(out).replaceAll("$1" + "************");
        return SECRET_FIELD.matcher(out).replaceAll("$1" + MASK);
    }

    /** True when the text still contains something {@link #redact} would hide. */
    public static boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }
}
