package io.awslabs.labs.cognito;

import static io.awslabs.targets.EmulatorKind.MOTO;

import com.nimbusds.jose.jwk.JWK;
import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.cognito.IdentityPool;
import io.awslabs.resources.cognito.UserPool;
import io.awslabs.resources.cognito.UserPoolClient;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Proves what each half of Cognito is for. A user pool is a user directory that authenticates:
 * sign-up under a password policy, confirmation, sign-in returning signed JWTs an application
 * verifies against the pool's public keys, sign-out that revokes. An identity pool authorises: it
 * exchanges a token the user pool issued for temporary AWS credentials of an IAM role.
 */
public final class CognitoUserAndIdentityPoolsLab implements Lab {
    private static final String WEAK_PASSWORD = "short";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Duration ASK_EVERY = Duration.ofSeconds(3);

    private UserPool.Handle pool;
    private UserPoolClient.Client client;
    private String identityPoolId;
    private IamRole.Handle authenticatedRole;
    private String username;
    /** Generated for the run, held in memory only: never evidence. */
    private String password;
    private AuthenticationResultType tokens;

    @Override
    public LabInfo info() {
        return LabInfo.of("cognito-user-and-identity-pools", "Cognito: user pools authenticate, identity pools authorise")
                .exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources")
                .concept("A user pool is a user directory: it signs users up under a password policy, confirms "
                        + "them, signs them in and issues JWTs (ID, access, refresh) signed with the pool's own RSA key, "
                        + "which an application verifies against the pool's public JWKS without calling Cognito. An "
                        + "identity pool does something else: it trusts an identity provider (here the user pool) and "
                        + "exchanges a token it issued for temporary AWS credentials of an IAM role, so a mobile or web "
                        + "app can call AWS directly. User pools authenticate; identity pools authorise AWS access.")
                .examAngle("A mobile app must let users sign in and upload to their own S3 prefix: which Cognito pool "
                        + "does what? How does an API verify a Cognito token (JWKS, iss, aud, token_use)? What does "
                        + "GlobalSignOut revoke? Which auth flow must an app client allow for a username and password?")
                .services("cognito-idp", "cognito-identity", "iam", "sts")
                .costPerRunUsd(0.02, "upper bound: one monthly active user of the user pool at $0.015 above the free "
                        + "10,000 (Essentials, aws.amazon.com/cognito/pricing; inside the free tier it is $0), identity "
                        + "pools and IAM cost nothing, STS is free")
                .provisions(IdentityPool.KIND, UserPool.KIND, UserPoolClient.KIND, IamRole.KIND)
                .calls("cognito-identity:SetIdentityPoolRoles", "cognito-idp:AdminConfirmSignUp",
                        "cognito-idp:AdminGetUser", "iam:PassRole", "sts:GetCallerIdentity")
                .creates("a user pool whose password policy needs 12 characters with upper and lower case, a digit and "
                                + "a symbol, and an app client allowing USER_PASSWORD_AUTH (no client secret)",
                        "an identity pool trusting that user pool and client, with an IAM role for authenticated "
                                + "identities that only cognito-identity.amazonaws.com may assume, for this pool",
                        "on AWS only: a second app client without USER_PASSWORD_AUTH and a second user pool, to show "
                                + "the flow refused and the keys differ")
                .asserts("weak-password-refused",
                        "SignUp with a password the pool's policy rejects fails with InvalidPasswordException; a strong "
                                + "one signs the user up, unconfirmed")
                .asserts("unconfirmed-user-cannot-sign-in",
                        "An unconfirmed user cannot sign in (UserNotConfirmedException); after AdminConfirmSignUp the "
                                + "user is CONFIRMED")
                .asserts("sign-in-returns-tokens",
                        "InitiateAuth USER_PASSWORD_AUTH returns an ID, an access and a refresh token, Bearer, valid 3600 s")
                .asserts("wrong-password-refused",
                        "A wrong password is refused with NotAuthorizedException, the right one signs in")
                .asserts("id-token-signature-verifies",
                        "The ID token's RS256 signature verifies with Nimbus JOSE+JWT against the key its kid names in the "
                                + "JWKS fetched from the target at /<pool id>/.well-known/jwks.json; the same token with "
                                + "one payload byte changed does not")
                .asserts("id-token-claims",
                        "The ID token says who issued it and for whom: iss is https://cognito-idp.<region>.amazonaws.com/"
                                + "<pool id>, aud the app client id, token_use id, cognito:username the user, exp in the future")
                .asserts("identity-pool-exchanges-id-token",
                        "The identity pool refuses a garbage token (NotAuthorizedException) and exchanges the user pool's "
                                + "ID token (GetId, GetCredentialsForIdentity) for temporary AWS credentials of its "
                                + "authenticated role")
                .asserts("global-sign-out-revokes-access-token",
                        "GetUser accepts the access token until GlobalSignOut, and refuses it afterwards "
                                + "(NotAuthorizedException)")
                .asserts("app-client-needs-password-flow",
                        "An app client that does not allow USER_PASSWORD_AUTH refuses that flow (InvalidParameterException) "
                                + "for the same user and password the first client accepts")
                .asserts("each-pool-has-its-own-keys",
                        "Two user pools sign with different keys: no kid of one pool's JWKS is in the other's, and the "
                                + "first pool's ID token does not verify against the second pool's keys")
                .note("Verify a Cognito JWT: signature against the JWKS key of its kid, iss = the pool's URL, aud (ID "
                        + "token) or client_id (access token), token_use, exp "
                        + "(docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).")
                .note("GlobalSignOut revokes the user's refresh tokens and the access tokens issued with them; an ID "
                        + "token stays a valid JWT until it expires "
                        + "(docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html).")
                .note("An identity pool's authenticated role is assumed through AssumeRoleWithWebIdentity by "
                        + "cognito-identity.amazonaws.com; its trust policy pins the pool with the aud condition "
                        + "(docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html).")
                .note("USER_PASSWORD_AUTH sends the password to Cognito over TLS; SRP (USER_SRP_AUTH) never sends it "
                        + "(docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).")
                .note("The user's password is generated per run and held in memory only.")
                .source("https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-scenarios.html")
                .source("https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html")
                .source("https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html")
                .source("https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html")
                .source("https://connect2id.com/products/nimbus-jose-jwt")
                .awsOnly("app-client-needs-password-flow",
                        "moto does not enforce an app client's ExplicitAuthFlows: InitiateAuth accepts USER_PASSWORD_AUTH "
                                + "from any client (moto/cognitoidp/models.py initiate_auth never reads the client's "
                                + "explicit_auth_flows, moto 5.2.5)")
                .awsOnly("each-pool-has-its-own-keys",
                        "moto signs every pool's tokens with one static key, kid 'dummy', and serves the same JWKS for "
                                + "every pool (moto/cognitoidp/models.py create_jwt, resources/jwks-public.json, moto 5.2.5)")
                .gap(MOTO, "identity-pool-exchanges-id-token", Symptom.checkFails("GetId with a garbage token", "succeeded"),
                        "moto's identity pools check no token: GetId and GetCredentialsForIdentity accept any Logins, "
                                + "and the credentials are the same fixed ones for everybody",
                        "moto/cognitoidentity/models.py get_id and get_credentials_for_identity ignore Logins and return "
                                + "AccessKeyId TESTACCESSKEY12345 (moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        pool = UserPool.create(ctx, "users", PasswordSignIn::passwordPolicy);
        client = UserPoolClient.create(ctx, pool.id(), "app", PasswordSignIn::appClient);
        identityPoolId = IdentityPool.create(ctx, "identities", r -> r.allowUnauthenticatedIdentities(false)
                .cognitoIdentityProviders(p -> p.providerName(providerName(ctx)).clientId(client.clientId())));
        authenticatedRole = IamRole.create(ctx, "authenticated", IdentityPoolTrust.authenticated(identityPoolId),
                "Authenticated identities of " + ctx.name());
        username = "learner-" + ctx.runId();
        password = PasswordSignIn.newPassword();
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.class);
        CognitoIdentityClient identity = ctx.client(CognitoIdentityClient.class);

        check.that("weak-password-refused", p -> {
            InvalidPasswordException weak = p.throwsA("SignUp with a 5-character password", InvalidPasswordException.class,
                    () -> idp.signUp(r -> r.clientId(client.clientId()).username(username).password(WEAK_PASSWORD)));
            p.error("cognito-idp:SignUp(weak)", weak);
            SignUpResponse strong = idp.signUp(r -> r.clientId(client.clientId()).username(username).password(password));
            p.call("cognito-idp:SignUp", strong).evidence("userSub", strong.userSub());
            p.equal("UserConfirmed after SignUp with a strong password", false, strong.userConfirmed());
        });

        check.that("unconfirmed-user-cannot-sign-in", p -> {
            UserNotConfirmedException refused = p.throwsA("InitiateAuth before confirmation", UserNotConfirmedException.class,
                    () -> signIn(idp, client.clientId(), password));
            p.error("cognito-idp:InitiateAuth(unconfirmed)", refused);
            p.call("cognito-idp:AdminConfirmSignUp", idp.adminConfirmSignUp(r -> r.userPoolId(pool.id()).username(username)));
            AdminGetUserResponse user = idp.adminGetUser(r -> r.userPoolId(pool.id()).username(username));
            p.call("cognito-idp:AdminGetUser", user);
            p.equal("user status after AdminConfirmSignUp", UserStatusType.CONFIRMED, user.userStatus());
        });

        check.that("sign-in-returns-tokens", p -> {
            InitiateAuthResponse signedIn = signIn(idp, client.clientId(), password);
            p.call("cognito-idp:InitiateAuth", signedIn);
            tokens = signedIn.authenticationResult();
            p.isTrue("an ID token", tokens.idToken() != null && !tokens.idToken().isBlank(), present(tokens.idToken()));
            p.isTrue("an access token", tokens.accessToken() != null && !tokens.accessToken().isBlank(),
                    present(tokens.accessToken()));
            p.isTrue("a refresh token", tokens.refreshToken() != null && !tokens.refreshToken().isBlank(),
                    present(tokens.refreshToken()));
            p.equal("TokenType", "Bearer", tokens.tokenType());
            p.equal("ExpiresIn (seconds)", 3600, tokens.expiresIn());
        });

        check.that("wrong-password-refused", p -> {
            var refused = p.throwsA("InitiateAuth with a wrong password",
                    software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException.class,
                    () -> signIn(idp, client.clientId(), password + "x"));
            p.error("cognito-idp:InitiateAuth(wrong password)", refused);
            InitiateAuthResponse right = signIn(idp, client.clientId(), password);
            p.call("cognito-idp:InitiateAuth(right password)", right);
            p.isTrue("the right password signs in", right.authenticationResult() != null, "authentication result returned");
        });

        check.that("id-token-signature-verifies", p -> {
            requireTokens(ctx, p);
            Jwks.Fetched jwks = Jwks.fetch(Jwks.urlOf(idp, ctx.target().region(), pool.id()));
            p.evidence("jwksUrl", jwks.url()).evidence("kids", kids(jwks));
            IdTokens.Verification genuine = IdTokens.verify(tokens.idToken(), jwks.keys());
            p.evidence("tokenKid", genuine.kid());
            p.equal("ID token verified against its kid's key", "valid signature", genuine.describe());
            String tampered = IdTokens.tamper(tokens.idToken());
            p.equal("payload bytes changed", 1, IdTokens.payloadBytesChanged(tokens.idToken(), tampered));
            p.equal("the token with one payload byte changed", "invalid signature",
                    IdTokens.verify(tampered, jwks.keys()).describe());
        });

        check.that("id-token-claims", p -> {
            requireTokens(ctx, p);
            String id = tokens.idToken();
            p.equal("iss", PasswordSignIn.issuer(ctx.target().region(), pool.id()),
                    IdTokens.claim(id, "iss").orElse(null));
            p.equal("aud", client.clientId(), IdTokens.claim(id, "aud").orElse(null));
            p.equal("token_use", "id", IdTokens.claim(id, "token_use").orElse(null));
            p.equal("cognito:username", username, IdTokens.claim(id, "cognito:username").orElse(null));
            Instant exp = IdTokens.expiry(id).orElse(Instant.EPOCH);
            p.isTrue("exp is in the future", exp.isAfter(Instant.now()), exp);
        });

        check.that("identity-pool-exchanges-id-token", p -> {
            requireTokens(ctx, p);
            String provider = providerName(ctx);
            NotAuthorizedException garbage = p.throwsA("GetId with a garbage token", NotAuthorizedException.class,
                    () -> identity.getId(r -> r.identityPoolId(identityPoolId).accountId(ctx.target().accountId())
                            .logins(Map.of(provider, "garbage"))));
            p.error("cognito-identity:GetId(garbage)", garbage);
            p.call("cognito-identity:SetIdentityPoolRoles", identity.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId)
                    .roles(Map.of("authenticated", authenticatedRole.arn()))));
            Map<String, String> logins = Map.of(provider, tokens.idToken());
            GetIdResponse id = identity.getId(r -> r.identityPoolId(identityPoolId).accountId(ctx.target().accountId())
                    .logins(logins));
            p.call("cognito-identity:GetId", id).evidence("identityId", id.identityId());
            GetCredentialsForIdentityResponse exchanged = ctx.waits().retrying(ctx.words("wait.roleAssumable"),
                    PROPAGATION, ASK_EVERY, () -> identity.getCredentialsForIdentity(r -> r.identityId(id.identityId())
                            .logins(logins)), CognitoUserAndIdentityPoolsLab::roleNotYetInForce);
            p.call("cognito-identity:GetCredentialsForIdentity", exchanged);
            Credentials credentials = exchanged.credentials();
            p.isTrue("temporary credentials with a session token", credentials.accessKeyId() != null
                    && credentials.sessionToken() != null, "access key " + credentials.accessKeyId());
            p.isTrue("they expire", credentials.expiration().isAfter(Instant.now()), credentials.expiration());
            try (Target asIdentity = ctx.target().actingAs(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken())))) {
                String caller = asIdentity.client(StsClient.class).getCallerIdentity().arn();
                p.isTrue("STS sees the authenticated role", caller.contains(":assumed-role/" + authenticatedRole.name() + "/"),
                        caller);
            }
        });

        check.that("global-sign-out-revokes-access-token", p -> {
            requireTokens(ctx, p);
            GetUserResponse before = idp.getUser(r -> r.accessToken(tokens.accessToken()));
            p.call("cognito-idp:GetUser(before)", before);
            p.equal("GetUser before sign-out names", username, before.username());
            p.call("cognito-idp:GlobalSignOut", idp.globalSignOut(r -> r.accessToken(tokens.accessToken())));
            var refused = p.throwsA("GetUser after GlobalSignOut",
                    software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException.class,
                    () -> idp.getUser(r -> r.accessToken(tokens.accessToken())));
            p.error("cognito-idp:GetUser(after)", refused);
        });

        check.that("app-client-needs-password-flow", p -> {
            UserPoolClient.Client srpOnly = UserPoolClient.create(ctx, pool.id(), "srp-only", r -> r.generateSecret(false)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
            p.call("cognito-idp:InitiateAuth(password client)", signIn(idp, client.clientId(), password));
            InvalidParameterException refused = p.throwsA("InitiateAuth USER_PASSWORD_AUTH on the SRP-only client",
                    InvalidParameterException.class, () -> signIn(idp, srpOnly.clientId(), password));
            p.error("cognito-idp:InitiateAuth(SRP-only client)", refused);
        });

        check.that("each-pool-has-its-own-keys", p -> {
            requireTokens(ctx, p);
            UserPool.Handle second = UserPool.create(ctx, "second", r -> { });
            Jwks.Fetched first = Jwks.fetch(Jwks.urlOf(idp, ctx.target().region(), pool.id()));
            Jwks.Fetched other = Jwks.fetch(Jwks.urlOf(idp, ctx.target().region(), second.id()));
            Set<String> shared = kids(first);
            shared.retainAll(kids(other));
            p.evidence("firstKids", kids(first)).evidence("secondKids", kids(other));
            p.equal("kids the two pools share", Set.of(), shared);
            p.equal("the first pool's ID token against the second pool's keys", "no key with kid "
                    + IdTokens.verify(tokens.idToken(), first.keys()).kid() + " in the JWKS",
                    IdTokens.verify(tokens.idToken(), other.keys()).describe());
        });
    }

    private InitiateAuthResponse signIn(CognitoIdentityProviderClient idp, String clientId, String withPassword) {
        return PasswordSignIn.signIn(idp, clientId, username, withPassword);
    }

    private void requireTokens(LabContext ctx, io.awslabs.lab.Proof p) {
        if (tokens == null) {
            p.skip(ctx.words("skip.noTokens"));
        }
    }

    /** AWS refuses credentials for a role whose trust it has not put in force yet. */
    private static boolean roleNotYetInForce(Exception e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && "InvalidIdentityPoolConfigurationException".equals(ase.awsErrorDetails().errorCode());
    }

    /** How an identity pool names the user pool it trusts, and the key of its token in Logins. */
    private String providerName(LabContext ctx) {
        return "cognito-idp." + ctx.target().region() + ".amazonaws.com/" + pool.id();
    }

    private static Set<String> kids(Jwks.Fetched jwks) {
        return jwks.keys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String present(String token) {
        return token == null ? "none" : token.length() + " characters";
    }
}
