package io.awslabs.labs.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trust policy of an identity pool's authenticated role: only Cognito's identity service may
 * assume it, through web identity federation, for this identity pool and for authenticated
 * identities only.
 */
final class IdentityPoolTrust {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityPoolTrust() { }

    static String authenticated(String identityPoolId) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", "cognito-identity.amazonaws.com");
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("StringEquals").put("cognito-identity.amazonaws.com:aud", identityPoolId);
        condition.putObject("ForAnyValue:StringLike").put("cognito-identity.amazonaws.com:amr", "authenticated");
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }
}
