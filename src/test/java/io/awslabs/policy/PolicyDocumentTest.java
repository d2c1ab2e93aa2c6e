package io.awslabs.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode policyOf(List<LabInfo> labs, boolean scoped) throws Exception {
        return JSON.readTree(PolicyDocument.allowing(LabPolicy.actionsOf(labs), scoped).pretty());
    }

    private static List<LabInfo> every() {
        return new LabCatalog().all().stream().map(Lab::info).toList();
    }

    private static List<String> actionsOf(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        policy.get("Statement").forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText())));
        return actions;
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        return StreamSupport.stream(policy.get("Statement").spliterator(), false)
                .filter(s -> s.get("Sid").asText().equals(sid)).findFirst().orElseThrow();
    }

    @Test
    void oneStatementPerServiceEachActionOnceAndSorted() throws Exception {
        LabInfo kms = new LabCatalog().find("kms-envelope-encryption").orElseThrow().info();
        JsonNode policy = policyOf(List.of(kms), false);

        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement")).extracting(s -> s.get("Sid").asText())
                .containsExactly("Iam", "Kms", "Sts", "Tag");
        assertThat(actionsOf(policy)).doesNotHaveDuplicates().isSorted()
                .containsExactlyElementsOf(LabPolicy.actionsOf(kms));
        policy.get("Statement").forEach(s -> {
            assertThat(s.get("Effect").asText()).isEqualTo("Allow");
            assertThat(s.get("Resource").asText()).isEqualTo("*");
            assertThat(s.has("Condition")).isFalse();
        });
    }

    @Test
    void s3IsNarrowedToTheLabsBucketsAndTheirObjectsExceptListingTheAccountsBuckets() throws Exception {
        JsonNode policy = policyOf(every(), false);

        JsonNode buckets = statement(policy, "S3LabBuckets");
        assertThat(buckets.get("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::labs-*", "arn:aws:s3:::labs-*/*");
        assertThat(buckets.get("Action")).extracting(JsonNode::asText).contains("s3:CreateBucket", "s3:PutObject")
                .doesNotContain("s3:ListAllMyBuckets");
        JsonNode account = statement(policy, "S3Account");
        assertThat(account.get("Action")).extracting(JsonNode::asText).containsExactly("s3:ListAllMyBuckets");
        assertThat(account.get("Resource").asText()).isEqualTo("*");
    }

    @Test
    void everyLabTogetherHasEachActionOnceAndIsOverTheManagedPolicyLimit() throws Exception {
        PolicyDocument document = PolicyDocument.allowing(LabPolicy.actionsOf(every()), false);
        JsonNode policy = JSON.readTree(document.pretty());

        assertThat(actionsOf(policy)).doesNotHaveDuplicates();
        assertThat(policy.get("Statement")).extracting(s -> s.get("Sid").asText()).doesNotHaveDuplicates()
                .allSatisfy(sid -> assertThat(sid).matches("[A-Za-z0-9]+"));
        assertThat(document.compactSize()).isEqualTo(policy.toString().length())
                .isGreaterThan(PolicyDocument.MANAGED_POLICY_LIMIT);
        assertThat(document.fitsOneManagedPolicy()).isFalse();
    }

    @Test
    void scopedToRunIdsCreatesNeedTheRequestTagChangesTheResourceTagAndReadsNothing() throws Exception {
        LabInfo sqs = new LabCatalog().find("sqs-fifo-exactly-once").orElseThrow().info();
        JsonNode policy = policyOf(List.of(sqs), true);

        assertThat(statement(policy, "SqsCreate").get("Action")).extracting(JsonNode::asText).containsExactly("sqs:CreateQueue");
        assertThat(statement(policy, "SqsCreate").at("/Condition/StringLike/aws:RequestTag~1labs:run-id").asText())
                .isEqualTo("*");
        assertThat(statement(policy, "SqsChange").get("Action")).extracting(JsonNode::asText)
                .contains("sqs:DeleteQueue", "sqs:SendMessage", "sqs:TagQueue");
        assertThat(statement(policy, "SqsChange").at("/Condition/StringLike/aws:ResourceTag~1labs:run-id").asText())
                .isEqualTo("*");
        assertThat(statement(policy, "SqsRead").has("Condition")).isFalse();
        assertThat(actionsOf(policy)).containsExactlyInAnyOrderElementsOf(LabPolicy.actionsOf(sqs));
    }
}
