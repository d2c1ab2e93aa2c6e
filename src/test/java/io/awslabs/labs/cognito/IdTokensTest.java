package io.awslabs.labs.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokensTest {
    private static RSAKey poolKey;
    private static RSAKey otherKey;
    private static String token;

    @BeforeAll
    static void signAnIdTokenAsAPoolWould() throws Exception {
        poolKey = new RSAKeyGenerator(2048).keyID("pool-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("other-key").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc")
                .audience("client-1").claim("token_use", "id").claim("cognito:username", "learner-abc12345")
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key").build(), claims);
        jwt.sign(new RSASSASigner(poolKey));
        token = jwt.serialize();
    }

    @Test
    void theGenuineTokenVerifiesAgainstThePublicKeyItsKidNames() throws Exception {
        IdTokens.Verification v = IdTokens.verify(token, new JWKSet(poolKey.toPublicJWK()));

        assertThat(v.describe()).isEqualTo("valid signature");
        assertThat(v.kid()).isEqualTo("pool-key");
    }

    @Test
    void oneChangedPayloadByteBreaksTheSignatureButNotTheJson() throws Exception {
        String tampered = IdTokens.tamper(token);

        assertThat(IdTokens.payloadBytesChanged(token, tampered)).isEqualTo(1);
        assertThat(IdTokens.claim(tampered, "cognito:username")).contains("xearner-abc12345");
        assertThat(IdTokens.verify(tampered, new JWKSet(poolKey.toPublicJWK())).describe()).isEqualTo("invalid signature");
    }

    @Test
    void anotherPoolsKeysHaveNoKeyForTheToken() throws Exception {
        assertThat(IdTokens.verify(token, new JWKSet(otherKey.toPublicJWK())).describe())
                .isEqualTo("no key with kid pool-key in the JWKS");
    }

    @Test
    void aKeyOfTheSameKidButAnotherPairDoesNotVerify() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("pool-key").generate();

        assertThat(IdTokens.verify(token, new JWKSet(impostor.toPublicJWK())).describe()).isEqualTo("invalid signature");
    }

    @Test
    void claimsAreReadAsTheApplicationReadsThem() throws Exception {
        assertThat(IdTokens.claim(token, "aud")).contains("client-1");
        assertThat(IdTokens.claim(token, "token_use")).contains("id");
        assertThat(IdTokens.expiry(token)).isPresent();
    }
}
