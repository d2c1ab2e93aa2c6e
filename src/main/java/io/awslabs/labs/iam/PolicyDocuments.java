package io.awslabs.labs.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The IAM policy documents of the lab, built as JSON rather than pasted together as strings. */
final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** TEST-NET-1 (RFC 5737): no request of this lab ever comes from there. */
    static final String NEVER_OUR_ADDRESS = "192.0.2.0/24";

    private PolicyDocuments() { }

    static String allow(List<String> actions, List<String> resources) {
        return document(statement("Allow", actions, resources));
    }

    static String deny(List<String> actions, List<String> resources) {
        return document(statement("Deny", actions, resources));
    }

    /** An Allow that holds only for requests from {@link #NEVER_OUR_ADDRESS}. */
    static String allowFromAddress(List<String> actions, List<String> resources, String cidr) {
        ObjectNode statement = statement("Allow", actions, resources);
        statement.putObject("Condition").putObject("IpAddress").put("aws:SourceIp", cidr);
        return document(statement);
    }

    /** Who may assume a role: one IAM principal, and, when {@code externalId} is not null, only with that ExternalId. */
    static String trust(String principalArn, String externalId) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", principalArn);
        statement.put("Action", "sts:AssumeRole");
        if (externalId != null) {
            statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
        }
        return document(statement);
    }

    /** Not IAM's grammar: "Permit" is no Effect. */
    static String malformed() {
        return document(statement("Permit", List.of("s3:GetObject"), List.of("*")));
    }

    static String objectsOf(String bucket) {
        return "arn:aws:s3:::" + bucket + "/*";
    }

    static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    private static ObjectNode statement(String effect, List<String> actions, List<String> resources) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", effect);
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        ArrayNode resource = statement.putArray("Resource");
        resources.forEach(resource::add);
        return statement;
    }

    private static String document(ObjectNode statement) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }
}
