package io.awslabs.labs.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The lab's service control policies, and what an SCP's statements deny. */
final class Scps {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service the guardrail denies: ACM, which nothing in a sandbox account needs for the few minutes of the lab. */
    static final String DENIED_SERVICE = "acm";
    /** What the challenge's guardrail takes away from an account: leaving the organization, switching CloudTrail off. */
    static final List<String> GUARDED_ACTIONS = List.of("organizations:LeaveOrganization", "cloudtrail:StopLogging",
            "cloudtrail:DeleteTrail");

    private Scps() { }

    static String denyService(String service) {
        return denying("DenyWholeService", List.of(service + ":*"));
    }

    /** One Deny statement of these actions on every resource, without conditions. */
    static String denying(String sid, List<String> actions) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", sid).put("Effect", "Deny");
        if (actions.size() == 1) {
            statement.put("Action", actions.get(0));
        } else {
            actions.forEach(statement.putArray("Action")::add);
        }
        statement.put("Resource", "*");
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }

    /**
     * Which of {@code actions} the policy denies outright: a Deny statement whose Action matches
     * (or whose NotAction does not), on Resource "*", without a Condition. A Deny bound to some
     * resources or to a condition leaves the action allowed elsewhere, so it does not count.
     */
    static Set<String> deniedOutright(String content, Collection<String> actions) {
        JsonNode policy;
        try {
            policy = JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException("the SCP is not JSON", e);
        }
        Set<String> denied = new LinkedHashSet<>();
        for (JsonNode statement : listOf(policy.path("Statement"))) {
            if (!"Deny".equals(statement.path("Effect").asText()) || !statement.path("Condition").isMissingNode()
                    || strings(statement.path("Resource")).stream().noneMatch("*"::equals)) {
                continue;
            }
            for (String action : actions) {
                boolean named = matchesAny(strings(statement.path("Action")), action);
                boolean excluded = statement.has("NotAction") && matchesAny(strings(statement.path("NotAction")), action);
                if (statement.has("NotAction") ? !excluded : named) {
                    denied.add(action);
                }
            }
        }
        return denied;
    }

    private static boolean matchesAny(List<String> patterns, String action) {
        return patterns.stream().anyMatch(p -> glob(p).matcher(action).matches());
    }

    /** IAM action patterns: {@code *} any run of characters, {@code ?} one, case-insensitive. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (node.isObject()) {
            list.add(node);
        }
        return list;
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        return list;
    }
}
