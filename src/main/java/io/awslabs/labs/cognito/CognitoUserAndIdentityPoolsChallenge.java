package io.awslabs.labs.cognito;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.cognito.UserPool;
import io.awslabs.resources.cognito.UserPoolClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The learner makes a user pool usable by an application: an app client the application signs in
 * through (public, so without a secret, and allowing the username-and-password flow) and a
 * confirmed user with the password of the task. The checks sign in as that user the way the
 * application would and verify the ID token it gets the way an API must: its signature against
 * the pool's JWKS, then who issued it and for whom.
 */
public final class CognitoUserAndIdentityPoolsChallenge implements Challenge {
    static final String POOL = "user-pool";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    @Override
    public String labId() {
        return "cognito-user-and-identity-pools";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("A web application can sign its users in to this user pool with a username and "
                        + "password: it has an app client of its own (a browser keeps no secret, so the client has none) "
                        + "that allows that sign-in flow, and the user 'username' below is signed up with the password "
                        + "'password' and confirmed, so that signing in returns tokens an API can verify.")
                .creates("a user pool whose password policy needs " + PasswordSignIn.MINIMUM_LENGTH + " characters with "
                        + "upper and lower case, a digit and a symbol, and no app client (free within the 10,000 monthly "
                        + "active users of the free tier)")
                .resource(POOL, "the application's user pool, {0}, with a strict password policy and no app client yet")
                .check("app-client-for-password-sign-in",
                        "The pool has an app client without a client secret whose auth flows include ALLOW_USER_PASSWORD_AUTH")
                .check("user-confirmed",
                        "The user exists in the pool and is CONFIRMED")
                .check("user-signs-in",
                        "Signing in as the user with the password (InitiateAuth USER_PASSWORD_AUTH) through that app "
                                + "client returns an ID, an access and a refresh token")
                .check("id-token-verifies",
                        "The ID token's RS256 signature verifies against the pool's JWKS, and its claims name the pool "
                                + "(iss), the app client (aud), the user (cognito:username), token_use id, and an exp to come")
                .hints("Cognito user pools: an application signs users in through an app client of the pool, which "
                                + "says which authentication flows it allows and whether it has a secret; a user signed "
                                + "up stays UNCONFIRMED until confirmed (by a code, or by an administrator).",
                        "Cognito CreateUserPoolClient (GenerateSecret false, ExplicitAuthFlows ALLOW_USER_PASSWORD_AUTH "
                                + "and ALLOW_REFRESH_TOKEN_AUTH); SignUp through that client with the username and "
                                + "password, then AdminConfirmSignUp; try it with InitiateAuth USER_PASSWORD_AUTH.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        UserPool.Handle pool = UserPool.create(ctx, "users", PasswordSignIn::passwordPolicy);
        scaffold.item(POOL, UserPool.KIND.type(), pool.id(), pool.arn(), pool.name())
                .value(USERNAME, "learner-" + ctx.runId())
                .value(PASSWORD, PasswordSignIn.newPassword())
                .value(Scaffold.SOLUTION + "client", ctx.name("app"));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.class);
        String poolId = scaffold.id(POOL);
        String username = scaffold.value(USERNAME);
        String password = scaffold.value(PASSWORD);

        check.that("app-client-for-password-sign-in", p -> {
            List<UserPoolClientType> clients = clientsOf(idp, poolId);
            p.evidence("appClients", clients.stream().map(c -> c.clientName() + " " + c.explicitAuthFlowsAsStrings()
                    + (c.clientSecret() == null ? "" : " with a secret")).toList());
            p.isTrue("the pool has an app client", !clients.isEmpty(), clients.size(), ctx.words("fail.noAppClient"));
            p.isTrue("a client allows ALLOW_USER_PASSWORD_AUTH", clients.stream().anyMatch(PasswordClient::allowsPasswordFlow),
                    clients.size(), ctx.words("fail.noPasswordFlow"));
            p.isTrue("one of them has no client secret", clients.stream().anyMatch(PasswordClient::fits),
                    clients.size(), ctx.words("fail.clientHasSecret"));
        });

        check.that("user-confirmed", p -> {
            AdminGetUserResponse user;
            try {
                user = idp.adminGetUser(r -> r.userPoolId(poolId).username(username));
            } catch (UserNotFoundException e) {
                p.error("cognito-idp:AdminGetUser", e);
                p.isTrue("the user exists", false, "UserNotFoundException", ctx.words("fail.noUser", username));
                return;
            }
            p.call("cognito-idp:AdminGetUser", user);
            p.equal("user status", UserStatusType.CONFIRMED, user.userStatus(), user.userStatus()
                    == UserStatusType.FORCE_CHANGE_PASSWORD
                    ? ctx.words("fail.temporaryPassword", username)
                    : ctx.words("fail.notConfirmed", username, user.userStatusAsString()));
        });

        check.that("user-signs-in", p -> {
            AuthenticationResultType tokens = signIn(ctx, p, idp, poolId, username, password);
            p.isTrue("an ID token", present(tokens.idToken()), length(tokens.idToken()), ctx.words("fail.noIdToken"));
            p.isTrue("an access token", present(tokens.accessToken()), length(tokens.accessToken()),
                    ctx.words("fail.noAccessToken"));
            p.isTrue("a refresh token", present(tokens.refreshToken()), length(tokens.refreshToken()),
                    ctx.words("fail.noRefreshToken"));
        });

        check.that("id-token-verifies", p -> {
            AuthenticationResultType tokens = signIn(ctx, p, idp, poolId, username, password);
            String id = tokens.idToken();
            p.isTrue("an ID token", present(id), length(id), ctx.words("fail.noIdToken"));
            Jwks.Fetched jwks = Jwks.fetch(Jwks.urlOf(idp, ctx.target().region(), poolId));
            p.evidence("jwksUrl", jwks.url());
            IdTokens.Verification verified = IdTokens.verify(id, jwks.keys());
            p.evidence("tokenKid", verified.kid());
            p.equal("signature against the pool's JWKS", "valid signature", verified.describe(),
                    ctx.words("fail.signatureInvalid", verified.describe()));
            p.equal("iss", PasswordSignIn.issuer(ctx.target().region(), poolId), IdTokens.claim(id, "iss").orElse(null),
                    ctx.words("fail.otherIssuer"));
            String clientId = PasswordClient.first(clientsOf(idp, poolId)).map(UserPoolClientType::clientId).orElse(null);
            p.equal("aud", clientId, IdTokens.claim(id, "aud").orElse(null), ctx.words("fail.otherAudience"));
            p.equal("cognito:username", username, IdTokens.claim(id, "cognito:username").orElse(null),
                    ctx.words("fail.otherUser"));
            p.equal("token_use", "id", IdTokens.claim(id, "token_use").orElse(null), ctx.words("fail.notIdToken"));
            Instant exp = IdTokens.expiry(id).orElse(Instant.EPOCH);
            p.isTrue("exp is in the future", exp.isAfter(Instant.now()), exp, ctx.words("fail.expired"));
        });
    }

    /** The app client a web application would use: allows the password flow, has no secret. */
    private static final class PasswordClient {
        /** ALLOW_USER_PASSWORD_AUTH, or its legacy name USER_PASSWORD_AUTH, which AWS still accepts. */
        static boolean allowsPasswordFlow(UserPoolClientType c) {
            return c.explicitAuthFlows().contains(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
                    || c.explicitAuthFlows().contains(ExplicitAuthFlowsType.USER_PASSWORD_AUTH);
        }

        static boolean fits(UserPoolClientType c) {
            return allowsPasswordFlow(c) && c.clientSecret() == null;
        }

        static Optional<UserPoolClientType> first(List<UserPoolClientType> clients) {
            return clients.stream().filter(PasswordClient::fits).findFirst();
        }
    }

    private static AuthenticationResultType signIn(LabContext ctx, CheckProof p, CognitoIdentityProviderClient idp,
                                                   String poolId, String username, String password) {
        Optional<UserPoolClientType> client = PasswordClient.first(clientsOf(idp, poolId));
        p.isTrue("an app client to sign in through", client.isPresent(), "none",
                ctx.words("fail.noClientToSignInThrough"));
        p.evidence("appClient", client.get().clientName());
        try {
            var signedIn = PasswordSignIn.signIn(idp, client.get().clientId(), username, password);
            p.call("cognito-idp:InitiateAuth", signedIn);
            p.isTrue("an authentication result", signedIn.authenticationResult() != null, signedIn.challengeNameAsString(),
                    ctx.words("fail.authChallenge", signedIn.challengeNameAsString()));
            return signedIn.authenticationResult();
        } catch (CognitoIdentityProviderException e) {
            p.error("cognito-idp:InitiateAuth", e);
            p.isTrue("signing in succeeds", false, e.awsErrorDetails().errorCode(), ctx.words("fail.signInRefused",
                    username, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage()));
            throw new AssertionError("unreachable");
        }
    }

    private static List<UserPoolClientType> clientsOf(CognitoIdentityProviderClient idp, String poolId) {
        return idp.listUserPoolClientsPaginator(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .map(c -> idp.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(c.clientId())).userPoolClient())
                .toList();
    }

    private static boolean present(String token) {
        return token != null && !token.isBlank();
    }

    private static String length(String token) {
        return token == null ? "none" : token.length() + " characters";
    }

    /** The lab's own app client, and the lab's sign-up and confirmation of its user. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.class);
        String poolId = scaffold.id(POOL);
        UserPoolClient.Client client = UserPoolClient.create(ctx, poolId, "app", PasswordSignIn::appClient);
        idp.signUp(r -> r.clientId(client.clientId()).username(scaffold.value(USERNAME)).password(scaffold.value(PASSWORD)));
        idp.adminConfirmSignUp(r -> r.userPoolId(poolId).username(scaffold.value(USERNAME)));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String poolId = scaffold.id(POOL);
        String clientName = scaffold.value(Scaffold.SOLUTION + "client");
        String clientId = "\"$(aws cognito-idp list-user-pool-clients --user-pool-id " + poolId
                + " --query \"UserPoolClients[?ClientName=='" + clientName + "'].ClientId\" --output text)\"";
        return List.of("aws cognito-idp create-user-pool-client --user-pool-id " + poolId + " --client-name " + clientName
                        + " --no-generate-secret --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH",
                "aws cognito-idp sign-up --client-id " + clientId + " --username " + scaffold.value(USERNAME)
                        + " --password '" + scaffold.value(PASSWORD) + "'",
                "aws cognito-idp admin-confirm-sign-up --user-pool-id " + poolId + " --username " + scaffold.value(USERNAME),
                "aws cognito-idp initiate-auth --client-id " + clientId + " --auth-flow USER_PASSWORD_AUTH --auth-parameters "
                        + "USERNAME=" + scaffold.value(USERNAME) + ",PASSWORD='" + scaffold.value(PASSWORD) + "'");
    }
}
