package io.awslabs.labs.wafv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.policy.LabPolicy;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WafAndShieldIT extends LabContract {

    WafAndShieldIT() {
        super(WafAndShieldLab::new);
    }

    @Test
    void motoKeepsTheRateRuleAndFindsTheWebAclOfTheAlb() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("rate-based-rule-limits-per-ip").actual()).contains("Limit: 100", "AggregateKeyType: IP",
                "EvaluationWindowSec: 60");
        assertThat(a.get("web-acl-protects-the-alb").evidence()).containsEntry("before", "none");
        assertThat(a.get("web-acl-protects-the-alb").evidence().get("after")).contains(":regional/webacl/");
    }

    @Test
    void motoAssociatesAWebAclWithAnNlbWhereAwsRefuses() {
        AssertionRecord nlb = assertionsOn(Emulator.MOTO).get("web-acl-refuses-an-nlb");

        assertThat(nlb.status()).isEqualTo(Status.SKIPPED);
        assertThat(nlb.reason()).contains("known moto gap", "no exception");
    }

    @Test
    void localStackCommunityHasNoWafAndTheLabSaysSo() {
        LabReport onLocalStack = labOn(Emulator.LOCALSTACK);

        assertThat(onLocalStack.status()).isEqualTo(Status.SKIPPED);
        assertThat(onLocalStack.assertions()).allSatisfy(x -> assertThat(x.reason()).contains("does not serve"));
    }

    @Test
    void theLabNeverSubscribesToShieldAdvancedAndSaysWhatItCosts() {
        assertThat(LabPolicy.actionsOf(info())).noneMatch(action -> action.startsWith("shield:"));
        assertThat(String.join(" ", info().creates())).contains("never a Shield Advanced subscription", "$3,000 a month");
    }
}
