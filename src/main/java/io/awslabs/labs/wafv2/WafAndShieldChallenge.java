package io.awslabs.labs.wafv2;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.wafv2.WebAcl;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatementAggregateKeyType;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * The learner adds a rate-based rule to a web ACL that so far has only an AWS managed rule group:
 * each client IP may send at most 100 requests a minute, and is blocked beyond that. The checks
 * read the web ACL back as WAF keeps it.
 */
public final class WafAndShieldChallenge implements Challenge {
    static final String WEB_ACL = "webAcl";

    @Override
    public String labId() {
        return WafAndShieldLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The web ACL blocks any client IP address that sends more than "
                        + WafAndShieldLab.RATE_LIMIT + " requests in " + WafAndShieldLab.EVALUATION_WINDOW_SECONDS
                        + " seconds, and keeps its AWS managed rule group.")
                .creates("a regional WAFv2 web ACL named after the run id (default action Allow) whose only rule is the "
                        + "AWS managed rule group AWSManagedRulesCommonRuleSet")
                .resource(WEB_ACL, "web ACL {0} (scope REGIONAL): the AWS managed common rule set only, no rate limit")
                .check("web-acl-has-rate-based-rule", "The web ACL has a rate-based rule, next to its managed rule group")
                .check("rate-is-per-ip-at-the-limit",
                        "The rate-based rule counts requests per client IP, with a limit of " + WafAndShieldLab.RATE_LIMIT)
                .check("rate-rule-blocks-over-a-minute",
                        "The rate-based rule evaluates " + WafAndShieldLab.EVALUATION_WINDOW_SECONDS + " s windows and "
                                + "blocks the requests over the limit")
                .hints("A rate-based rule statement of AWS WAF: it counts requests per aggregation key over an "
                                + "evaluation window and applies the rule's action above the limit.",
                        "The WAFv2 API call UpdateWebACL (with the lock token GetWebACL returns; it replaces all rules, so "
                                + "send the managed rule group again), or in the console: the web ACL's Rules tab, 'Add "
                                + "rules', 'Add my own rules', rule type 'Rate-based rule'.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        WebAcl.Handle acl = WebAcl.create(ctx, "acl", r -> r.defaultAction(a -> a.allow(x -> { }))
                .rules(WafAndShieldLab.managedRule()).visibilityConfig(WafAndShieldLab.metrics(ctx.name())));
        scaffold.item(WEB_ACL, WebAcl.KIND.type(), acl.id(), acl.arn(), acl.name());
        scaffold.value("name", acl.name());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        GetWebAclResponse read = read(ctx, scaffold);
        Rule rule = read.webACL().rules().stream().filter(r -> r.statement().rateBasedStatement() != null)
                .findFirst().orElse(null);
        RateBasedStatement rate = rule == null ? null : rule.statement().rateBasedStatement();
        check.that("web-acl-has-rate-based-rule", p -> {
            p.call("wafv2:GetWebACL", read).evidence("rules", read.webACL().rules().stream().map(Rule::name).toList());
            p.isTrue("a rule has a rate-based statement", rule != null, read.webACL().rules().stream().map(Rule::name).toList(),
                    ctx.words("fail.noRateRuleNoLimit"));
            p.isTrue("the managed rule group is still there", WafAndShieldLab.ruleNamed(read.webACL(),
                            WafAndShieldLab.MANAGED_RULE) != null, read.webACL().rules().stream().map(Rule::name).toList(),
                    ctx.words("fail.managedRuleGroupGone"));
        });
        check.that("rate-is-per-ip-at-the-limit", p -> {
            p.evidence("rateBasedStatement", rate);
            p.isTrue("a rate-based rule", rate != null, rate, ctx.words("fail.noRateRule"));
            p.equal("AggregateKeyType", RateBasedStatementAggregateKeyType.IP, rate.aggregateKeyType(),
                    ctx.words("fail.countsByOtherKey", rate.aggregateKeyTypeAsString()));
            p.equal("Limit", WafAndShieldLab.RATE_LIMIT, rate.limit(),
                    ctx.words("fail.otherLimit", rate.limit(), WafAndShieldLab.RATE_LIMIT));
        });
        check.that("rate-rule-blocks-over-a-minute", p -> {
            p.evidence("action", rule == null ? null : rule.action());
            p.isTrue("a rate-based rule", rate != null, rate, ctx.words("fail.noRateRule"));
            p.equal("EvaluationWindowSec", WafAndShieldLab.EVALUATION_WINDOW_SECONDS, rate.evaluationWindowSec(),
                    ctx.words("fail.otherWindow", rate.evaluationWindowSec(), WafAndShieldLab.EVALUATION_WINDOW_SECONDS));
            p.isTrue("Action is Block", rule.action() != null && rule.action().block() != null, rule.action(),
                    ctx.words("fail.doesNotBlock", rule.action()));
        });
    }

    private static GetWebAclResponse read(LabContext ctx, Scaffold scaffold) {
        return ctx.client(Wafv2Client.class).getWebACL(r -> r.name(scaffold.value("name")).id(scaffold.id(WEB_ACL))
                .scope(Scope.REGIONAL));
    }

    /** The lab's own rate-based rule, added to the rules the web ACL has. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) {
        GetWebAclResponse read = read(ctx, scaffold);
        List<Rule> rules = new ArrayList<>(read.webACL().rules());
        rules.add(WafAndShieldLab.rateRule());
        ctx.client(Wafv2Client.class).updateWebACL(r -> r.name(scaffold.value("name")).id(scaffold.id(WEB_ACL))
                .scope(Scope.REGIONAL).lockToken(read.lockToken()).defaultAction(read.webACL().defaultAction())
                .visibilityConfig(read.webACL().visibilityConfig()).rules(rules));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String name = scaffold.value("name");
        String id = scaffold.id(WEB_ACL);
        String which = "--name " + name + " --scope REGIONAL --id " + id;
        String rules = "[{\"Name\":\"" + WafAndShieldLab.MANAGED_RULE + "\",\"Priority\":1,\"OverrideAction\":{\"None\":{}},"
                + "\"Statement\":{\"ManagedRuleGroupStatement\":{\"VendorName\":\"AWS\",\"Name\":\"AWSManagedRulesCommonRuleSet\"}},"
                + "\"VisibilityConfig\":{\"SampledRequestsEnabled\":true,\"CloudWatchMetricsEnabled\":true,\"MetricName\":\""
                + WafAndShieldLab.MANAGED_RULE + "\"}},"
                + "{\"Name\":\"" + WafAndShieldLab.RATE_RULE + "\",\"Priority\":0,\"Action\":{\"Block\":{}},"
                + "\"Statement\":{\"RateBasedStatement\":{\"Limit\":" + WafAndShieldLab.RATE_LIMIT
                + ",\"AggregateKeyType\":\"IP\",\"EvaluationWindowSec\":" + WafAndShieldLab.EVALUATION_WINDOW_SECONDS + "}},"
                + "\"VisibilityConfig\":{\"SampledRequestsEnabled\":true,\"CloudWatchMetricsEnabled\":true,\"MetricName\":\""
                + WafAndShieldLab.RATE_RULE + "\"}}]";
        return List.of("aws wafv2 update-web-acl " + which + " --lock-token \"$(aws wafv2 get-web-acl " + which
                + " --query LockToken --output text)\" --default-action Allow={} --visibility-config "
                + "SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=" + name + " --rules '" + rules + "'");
    }
}
