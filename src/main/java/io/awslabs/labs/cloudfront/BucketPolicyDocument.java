package io.awslabs.labs.cloudfront;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The origin bucket's policy: written as AWS documents it for CloudFront (one read-only statement
 * for the OAI, one for the CloudFront service principal scoped to one distribution), and read
 * back as S3 returns it, to check who it really grants.
 */
final class BucketPolicyDocument {
    static final String CLOUDFRONT_SERVICE = "cloudfront.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private BucketPolicyDocument(JsonNode root) {
        this.root = root;
    }

    /** The principal an OAI is named by in a bucket policy. */
    static String oaiPrincipalArn(String oaiId) {
        return "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + oaiId;
    }

    static String grantingReadTo(String objectsArn, Optional<String> oaiId, String oacDistributionArn) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        oaiId.ifPresent(id -> {
            ObjectNode oai = statements.addObject().put("Sid", "AllowLegacyOAIReadOnly").put("Effect", "Allow");
            oai.putObject("Principal").put("AWS", oaiPrincipalArn(id));
            oai.put("Action", "s3:GetObject").put("Resource", objectsArn);
        });
        ObjectNode oac = statements.addObject().put("Sid", "AllowCloudFrontServicePrincipalReadOnly").put("Effect", "Allow");
        oac.putObject("Principal").put("Service", CLOUDFRONT_SERVICE);
        oac.put("Action", "s3:GetObject").put("Resource", objectsArn);
        oac.putObject("Condition").putObject("StringEquals").put("AWS:SourceArn", oacDistributionArn);
        return policy.toString();
    }

    static BucketPolicyDocument parse(String json) throws JsonProcessingException {
        return new BucketPolicyDocument(JSON.readTree(json));
    }

    /**
     * Every principal the policy names, as {@code "<type> <value>"} ({@code "AWS arn:..."},
     * {@code "Service cloudfront.amazonaws.com"}), {@code "*"} for the anonymous wildcard, and
     * {@code "NotPrincipal ..."} for a statement that grants everyone but someone.
     */
    SortedSet<String> principals() {
        SortedSet<String> names = new TreeSet<>();
        for (JsonNode statement : statements()) {
            addPrincipals(names, "", statement.get("Principal"));
            addPrincipals(names, "NotPrincipal ", statement.get("NotPrincipal"));
        }
        return names;
    }

    boolean namesWildcardPrincipal() {
        return principals().stream().anyMatch(p -> p.equals("*") || p.endsWith(" *"));
    }

    /** The {@code AWS:SourceArn} values a StringEquals condition requires of a service principal's statements. */
    List<String> sourceArnsRequiredOf(String servicePrincipal) {
        List<String> arns = new ArrayList<>();
        for (JsonNode statement : statements()) {
            SortedSet<String> names = new TreeSet<>();
            addPrincipals(names, "", statement.get("Principal"));
            if (!names.contains("Service " + servicePrincipal)) {
                continue;
            }
            JsonNode equals = statement.path("Condition").path("StringEquals");
            for (Iterator<Map.Entry<String, JsonNode>> keys = equals.fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                // Condition keys are case-insensitive in IAM.
                if (key.getKey().equalsIgnoreCase("aws:SourceArn")) {
                    values(key.getValue()).forEach(arns::add);
                }
            }
        }
        return arns;
    }

    /**
     * Whether a statement allows the service principal s3:GetObject (or a wildcard covering it) on
     * {@code objectsArn} ({@code arn:aws:s3:::bucket/*}).
     */
    boolean allowsRead(String servicePrincipal, String objectsArn) {
        for (JsonNode statement : statements()) {
            SortedSet<String> names = new TreeSet<>();
            addPrincipals(names, "", statement.get("Principal"));
            if (!"Allow".equals(statement.path("Effect").asText()) || !names.contains("Service " + servicePrincipal)) {
                continue;
            }
            boolean reads = values(statement.path("Action")).stream()
                    .anyMatch(a -> a.equalsIgnoreCase("s3:GetObject") || a.equals("s3:*") || a.equals("*"));
            boolean onObjects = values(statement.path("Resource")).stream()
                    .anyMatch(r -> r.equals(objectsArn) || r.equals("*"));
            if (reads && onObjects) {
                return true;
            }
        }
        return false;
    }

    private List<JsonNode> statements() {
        JsonNode statement = root.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(list::add);
        } else if (statement.isObject()) {
            list.add(statement);
        }
        return list;
    }

    private static void addPrincipals(SortedSet<String> names, String prefix, JsonNode principal) {
        if (principal == null || principal.isNull()) {
            return;
        }
        if (principal.isTextual()) {
            names.add(prefix + principal.asText());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> types = principal.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            values(type.getValue()).forEach(v -> names.add(prefix + type.getKey() + " " + v));
        }
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
