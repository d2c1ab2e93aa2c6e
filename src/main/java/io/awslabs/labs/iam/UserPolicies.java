package io.awslabs.labs.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * The policy documents on one IAM user: its inline policies and the default versions of the
 * managed policies attached to it.
 */
final class UserPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document and where it is on the user, for evidence. */
    record Document(String source, String json) { }

    private UserPolicies() { }

    static List<Document> of(IamClient iam, String user) {
        List<Document> documents = new ArrayList<>();
        for (String name : iam.listUserPoliciesPaginator(r -> r.userName(user)).policyNames()) {
            documents.add(new Document("inline " + name,
                    decoded(iam.getUserPolicy(r -> r.userName(user).policyName(name)).policyDocument())));
        }
        for (AttachedPolicy attached : iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies()) {
            String version = iam.getPolicy(r -> r.policyArn(attached.policyArn())).policy().defaultVersionId();
            documents.add(new Document("attached " + attached.policyArn(), decoded(iam.getPolicyVersion(r -> r
                    .policyArn(attached.policyArn()).versionId(version)).policyVersion().document())));
        }
        return documents;
    }

    /**
     * IAM returns policy documents URL-encoded (RFC 3986) in GetUserPolicy and GetPolicyVersion;
     * moto 5.2.5 returns some as they were stored. A JSON document starts with a brace.
     */
    static String decoded(String document) {
        String text = document.strip();
        return text.startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * Whether the document holds a statement that denies {@code action} on {@code resource} in
     * every request: Effect Deny and no Condition, its Action (or NotAction) and Resource (or
     * NotResource) matched with IAM's wildcards, * and ?, actions without regard to case.
     */
    static boolean deniesAlways(String document, String action, String resource) {
        JsonNode statements;
        try {
            statements = JSON.readTree(document).path("Statement");
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON policy document", e);
        }
        List<JsonNode> all = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(all::add);
        } else if (statements.isObject()) {
            all.add(statements);
        }
        return all.stream().anyMatch(s -> "Deny".equals(s.path("Effect").asText()) && !s.has("Condition")
                && covers(s, "Action", "NotAction", action.toLowerCase(Locale.ROOT), true)
                && covers(s, "Resource", "NotResource", resource, false));
    }

    private static boolean covers(JsonNode statement, String element, String notElement, String value, boolean anyCase) {
        if (statement.has(element)) {
            return values(statement.get(element)).stream().anyMatch(p -> matches(p, value, anyCase));
        }
        return statement.has(notElement) && values(statement.get(notElement)).stream().noneMatch(p -> matches(p, value, anyCase));
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

    private static boolean matches(String pattern, String value, boolean anyCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : (anyCase ? pattern.toLowerCase(Locale.ROOT) : pattern).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(regex.toString(), value);
    }
}
