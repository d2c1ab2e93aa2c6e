package io.awslabs.labs.organizations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The lab's service control policies. */
final class Scps {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service the guardrail denies: ACM, which nothing in a sandbox account needs for the few minutes of the lab. */
    static final String DENIED_SERVICE = "acm";

    private Scps() { }

    static String denyService(String service) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", "DenyWholeService").put("Effect", "Deny")
                .put("Action", service + ":*").put("Resource", "*");
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }
}
