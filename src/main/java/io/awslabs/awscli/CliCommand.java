package io.awslabs.awscli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * The AWS CLI command that makes the same call as an SDK request: {@code aws kms encrypt --key-id
 * alias/... --encryption-context '{"purpose":"invoices"}'}. Scalars become options, lists of
 * scalars space-separated values, structures and maps the CLI's JSON form. What the SDK's model
 * marks sensitive (a plaintext, a password, a SecureString value) is shown as {@code REDACTED},
 * and binary input as a {@code fileb://} file (base64 inside JSON, as the CLI reads it there), so a
 * command never carries a secret.
 */
public final class CliCommand {
    static final String REDACTED = "REDACTED";
    /** How the SDK's generated toString() hides a member the model marks sensitive. */
    private static final String SENSITIVE = "=*** Sensitive Data Redacted ***";
    /** Operations whose answer is a stream the CLI writes to a file named last on the line. */
    private static final Set<String> WRITES_A_FILE = Set.of("s3api get-object");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliCommand() {
    }

    /** The command for {@code request} of {@code operation} (the API name, as in CreateKey). */
    public static String of(SdkRequest request, String operation, Optional<URI> endpoint) {
        String command = CliNames.command(request.getClass()) + " " + CliNames.dashed(operation);
        List<String> words = new ArrayList<>(List.of("aws", command));
        Set<String> sensitive = sensitiveMembers(request);
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (absent(value)) {
                continue;
            }
            String option = "--" + CliNames.dashed(field.memberName());
            if (value instanceof Boolean flag) {
                words.add(flag ? option : "--no-" + option.substring(2));
            } else if (sensitive.contains(field.memberName())) {
                words.add(option + " " + REDACTED);
            } else {
                words.add(option + " " + argument(field.memberName(), value));
            }
        }
        if (WRITES_A_FILE.contains(command)) {
            words.add("out.bin");
        }
        endpoint.ifPresent(e -> words.add("--endpoint-url " + e));
        return String.join(" ", words);
    }

    private static String argument(String member, Object value) {
        if (value instanceof Collection<?> list && list.stream().allMatch(CliCommand::scalar)) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(Shell.quote(scalarText(item))));
            return String.join(" ", items);
        }
        if (value instanceof SdkBytes) {
            return "fileb://" + CliNames.dashed(member) + ".bin";
        }
        if (scalar(value)) {
            return Shell.quote(scalarText(value));
        }
        try {
            return Shell.quote(JSON.writeValueAsString(json(value)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON of an SDK value", e);
        }
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = nodes.objectNode();
            Set<String> sensitive = sensitiveMembers(pojo);
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (!absent(member)) {
                    object.set(field.memberName(), sensitive.contains(field.memberName()) ? nodes.textNode(REDACTED) : json(member));
                }
            }
            return object;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Number n) {
            return JSON.valueToTree(n);
        }
        if (value instanceof SdkBytes bytes) {
            return nodes.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        return nodes.textNode(scalarText(value));
    }

    private static boolean scalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Instant || value instanceof Enum<?>;
    }

    private static String scalarText(Object value) {
        return String.valueOf(value);
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>;
    }

    /**
     * The members the SDK's own toString() hides, read in one pass: a request can carry a large
     * value (a certificate, a policy), which a backtracking pattern would take quadratic time on.
     */
    private static Set<String> sensitiveMembers(Object pojo) {
        Set<String> names = new HashSet<>();
        String text = pojo.toString();
        for (int at = text.indexOf(SENSITIVE); at >= 0; at = text.indexOf(SENSITIVE, at + SENSITIVE.length())) {
            int start = at;
            while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            names.add(text.substring(start, at));
        }
        return names;
    }
}
