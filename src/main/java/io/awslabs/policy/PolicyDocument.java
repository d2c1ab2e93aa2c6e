package io.awslabs.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.lab.LabContext;
import io.awslabs.resources.IamActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An IAM identity policy allowing a set of actions: one statement per service, its actions sorted.
 * S3 is narrowed to the buckets the labs name ({@code labs-*}) and their objects, since S3
 * authorizes bucket and object actions on those ARNs; listing the account's buckets has no
 * bucket, so it stays on {@code *}. Every other service stays on {@code *}: its resources' ARNs
 * hold ids only known once created.
 *
 * <p>Scoped to run ids, the statements also require the {@code labs:run-id} tag: as a request
 * tag on the calls that create, as a resource tag on the calls that change or delete; reads
 * (Describe, List, Get) stay unconditioned, since most of them authorize no resource. Nothing
 * here can prove that variant: moto counts every condition as satisfied.
 */
public final class PolicyDocument {
    /** AWS's limit for a customer managed policy, counted without whitespace. */
    public static final int MANAGED_POLICY_LIMIT = 6144;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> S3_ACCOUNT_ACTIONS = Set.of("s3:ListAllMyBuckets");
    private static final List<String> S3_LAB_RESOURCES = List.of(
            "arn:aws:s3:::" + LabContext.NAME_PREFIX + "*", "arn:aws:s3:::" + LabContext.NAME_PREFIX + "*/*");
    private static final List<String> CREATING = List.of("Create", "Run", "Allocate", "Register", "Request", "Import");
    private static final List<String> READING = List.of("Describe", "List", "Get");

    private final ObjectNode document;

    private PolicyDocument(ObjectNode document) {
        this.document = document;
    }

    public static PolicyDocument allowing(Collection<String> actions, boolean runIdScoped) {
        Map<String, SortedSet<String>> byService = new TreeMap<>();
        actions.forEach(a -> byService.computeIfAbsent(IamActions.service(a), s -> new TreeSet<>()).add(a));
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        byService.forEach((service, serviceActions) -> {
            if (service.equals("s3")) {
                add(statements, "S3Account", filter(serviceActions, S3_ACCOUNT_ACTIONS::contains), List.of("*"), null);
                add(statements, "S3LabBuckets", filter(serviceActions, a -> !S3_ACCOUNT_ACTIONS.contains(a)),
                        S3_LAB_RESOURCES, runIdScoped ? "aws:ResourceTag/" : null);
            } else if (!runIdScoped) {
                add(statements, sid(service), serviceActions, List.of("*"), null);
            } else {
                add(statements, sid(service) + "Read", filter(serviceActions, a -> verbIn(a, READING)), List.of("*"), null);
                add(statements, sid(service) + "Create", filter(serviceActions, a -> verbIn(a, CREATING)), List.of("*"),
                        "aws:RequestTag/");
                add(statements, sid(service) + "Change", filter(serviceActions,
                        a -> !verbIn(a, READING) && !verbIn(a, CREATING)), List.of("*"), "aws:ResourceTag/");
            }
        });
        return new PolicyDocument(document);
    }

    private static SortedSet<String> filter(SortedSet<String> actions, Predicate<String> keep) {
        SortedSet<String> kept = new TreeSet<>();
        actions.stream().filter(keep).forEach(kept::add);
        return kept;
    }

    private static boolean verbIn(String action, List<String> verbs) {
        String name = action.substring(action.indexOf(':') + 1);
        return verbs.stream().anyMatch(name::startsWith);
    }

    private static void add(ArrayNode statements, String sid, SortedSet<String> actions, List<String> resources,
                            String tagConditionKey) {
        if (actions.isEmpty()) {
            return;
        }
        ObjectNode statement = statements.addObject();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        actions.forEach(statement.putArray("Action")::add);
        if (resources.size() == 1) {
            statement.put("Resource", resources.get(0));
        } else {
            resources.forEach(statement.putArray("Resource")::add);
        }
        if (tagConditionKey != null) {
            statement.putObject("Condition").putObject("StringLike").put(tagConditionKey + LabContext.RUN_ID_TAG, "*");
        }
    }

    /** A statement id IAM accepts (letters and digits): {@code cognito-idp} reads CognitoIdp. */
    private static String sid(String service) {
        List<String> words = new ArrayList<>(List.of(service.split("-")));
        StringBuilder sid = new StringBuilder();
        words.forEach(w -> sid.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1)));
        return sid.toString();
    }

    /** Indented, for people and for {@code aws iam create-policy --policy-document file://...}. */
    public String pretty() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size IAM counts against its limits: the document without whitespace. */
    public int compactSize() {
        return document.toString().length();
    }

    public boolean fitsOneManagedPolicy() {
        return compactSize() <= MANAGED_POLICY_LIMIT;
    }
}
