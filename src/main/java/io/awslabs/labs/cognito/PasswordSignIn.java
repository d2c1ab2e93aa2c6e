package io.awslabs.labs.cognito;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * Signing in to a user pool with a username and password, as the lab sets it up: the pool's
 * password policy, an app client without a secret that allows USER_PASSWORD_AUTH, a password
 * that policy accepts, and the InitiateAuth call itself.
 */
final class PasswordSignIn {
    static final int MINIMUM_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordSignIn() { }

    /** 12 characters at least, with upper and lower case, a digit and a symbol. */
    static void passwordPolicy(CreateUserPoolRequest.Builder pool) {
        pool.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(MINIMUM_LENGTH).requireUppercase(true)
                .requireLowercase(true).requireNumbers(true).requireSymbols(true)));
    }

    /** A public client (no secret, as a browser or mobile app is) that may sign users in with their password. */
    static void appClient(CreateUserPoolClientRequest.Builder client) {
        client.generateSecret(false).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    }

    /** A password the pool's policy accepts, generated per call. */
    static String newPassword() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "Lab-" + HexFormat.of().formatHex(bytes) + "-9z!";
    }

    static InitiateAuthResponse signIn(CognitoIdentityProviderClient idp, String clientId, String username, String password) {
        return idp.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    /** Who issues the pool's tokens: the iss claim of every token it signs. */
    static String issuer(String region, String userPoolId) {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }
}
