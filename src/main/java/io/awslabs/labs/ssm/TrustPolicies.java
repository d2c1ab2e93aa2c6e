package io.awslabs.labs.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads a role's trust policy as IAM returns it (URL-encoded JSON) to see who may assume the role. */
final class TrustPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustPolicies() { }

    /** The document as JSON text: IAM URL-encodes it in GetRole, the SDK leaves that to the caller. */
    static String decode(String document) {
        return document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    /** True when an Allow statement lets the service principal call sts:AssumeRole. */
    static boolean allowsServiceToAssume(String document, String servicePrincipal) throws IOException {
        JsonNode statements = JSON.readTree(decode(document)).path("Statement");
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            if ("Allow".equals(statement.path("Effect").asText())
                    && contains(statement.path("Action"), "sts:AssumeRole")
                    && contains(statement.path("Principal").path("Service"), servicePrincipal)) {
                return true;
            }
        }
        return false;
    }

    /** IAM accepts a single string or a list wherever a policy element takes values. */
    private static boolean contains(JsonNode stringOrList, String value) {
        if (stringOrList.isArray()) {
            for (JsonNode item : stringOrList) {
                if (value.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }
        return value.equals(stringOrList.asText());
    }
}
