package io.awslabs.labs.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;

/**
 * Verifying a Cognito ID token the way an application must before trusting it: its RS256
 * signature against the key of the pool's JWKS that the token's {@code kid} names, with Nimbus
 * JOSE+JWT. And the negative control: the same token with one byte of its payload changed.
 */
final class IdTokens {
    private IdTokens() { }

    /** What verifying a token against a key set found. */
    record Verification(String kid, boolean keyFound, boolean signatureValid) {
        String describe() {
            return !keyFound ? "no key with kid " + kid + " in the JWKS" : signatureValid ? "valid signature" : "invalid signature";
        }
    }

    static Verification verify(String token, JWKSet keys) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        String kid = jwt.getHeader().getKeyID();
        JWK key = keys.getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) {
            return new Verification(kid, false, false);
        }
        return new Verification(kid, true, jwt.verify(new RSASSAVerifier(rsa)));
    }

    /**
     * The token with one byte of its payload changed: the first character of the
     * {@code cognito:username} value becomes another letter, so the payload stays JSON and only
     * the signature can tell.
     */
    static String tamper(String token) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(token);
        byte[] payload = jwt.getPayload().toBase64URL().decode();
        String json = new String(payload, StandardCharsets.UTF_8);
        int at = json.indexOf("\"cognito:username\":\"");
        if (at < 0) {
            throw new IllegalArgumentException("the token has no cognito:username claim to change");
        }
        int first = at + "\"cognito:username\":\"".length();
        payload[first] = (byte) (payload[first] == 'x' ? 'y' : 'x');
        return jwt.getHeader().toBase64URL() + "." + Base64URL.encode(payload) + "." + jwt.getSignature();
    }

    /** How many bytes two tokens' payloads differ in (they must have the same length). */
    static int payloadBytesChanged(String a, String b) throws ParseException {
        byte[] x = SignedJWT.parse(a).getPayload().toBase64URL().decode();
        byte[] y = SignedJWT.parse(b).getPayload().toBase64URL().decode();
        if (x.length != y.length) {
            return Math.max(x.length, y.length);
        }
        int changed = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                changed++;
            }
        }
        return changed;
    }

    /** When the token expires (its exp claim), or empty when it has none. */
    static Optional<java.time.Instant> expiry(String token) throws ParseException {
        return Optional.ofNullable(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime()).map(java.util.Date::toInstant);
    }

    static Optional<String> claim(String token, String name) throws ParseException {
        Object value = SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
        if (value instanceof java.util.List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }
}
