package io.awslabs.labs.wafv2;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.wafv2.WebAcl;
import io.awslabs.resources.wafv2.WebAclAssociation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatementAggregateKeyType;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;
import software.amazon.awssdk.services.wafv2.model.WafUnavailableEntityException;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * Proves where AWS WAF sits: a web ACL of layer-7 rules (a rate limit per client IP, an AWS
 * managed rule group) protects an Application Load Balancer, refuses to protect a Network Load
 * Balancer, and on AWS blocks a client that goes over its rate. Shield is the layer 3/4 (and, with
 * Advanced, 7) DDoS protection next to it; the lab shows it in words only and never subscribes.
 */
public final class WafAndShieldLab implements Lab {
    static final String ID = "waf-and-shield";
    static final String RATE_RULE = "rate-limit-per-ip";
    static final String MANAGED_RULE = "aws-common-rule-set";
    static final long RATE_LIMIT = 100;
    static final long EVALUATION_WINDOW_SECONDS = 60;
    static final String SEND_TRAFFIC = "send-traffic";
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration BURST_LIMIT = Duration.ofMinutes(4);
    private static final Duration ASK_EVERY = Duration.ofSeconds(15);

    private String alb;
    private String albDns;
    private String nlb;
    private WebAcl.Handle acl;

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "WAF and Shield: layer-7 rules on an ALB, DDoS protection beneath them")
                .exam(ExamDomain.SECURE, "1.2 Design secure workloads and applications")
                .concept("AWS WAF inspects HTTP(S) requests, layer 7, in front of CloudFront, an Application Load "
                        + "Balancer, API Gateway, AppSync, Cognito or App Runner: a web ACL's rules match on IP, headers, "
                        + "body, SQL injection or XSS patterns, and rate-based rules count requests per client IP over an "
                        + "evaluation window and block those above the limit. A Network Load Balancer works at layer 4 "
                        + "and cannot have a web ACL. AWS Shield protects against DDoS: Shield Standard is on for every "
                        + "account at no cost against layer 3/4 attacks (SYN floods, UDP reflection); Shield Advanced "
                        + "($3,000 a month per organization, one-year commitment) adds layer-7 DDoS response with WAF, "
                        + "the Shield Response Team and cost protection.")
                .examAngle("Shield or WAF? An HTTP flood or SQL injection from a few IPs on an ALB: WAF (a rate-based "
                        + "rule, a managed rule group). A volumetric SYN/UDP flood: Shield Standard already covers it; "
                        + "24/7 DDoS response, cost protection for scaling during an attack: Shield Advanced. A web ACL "
                        + "goes on an ALB or CloudFront, never on an NLB or an EC2 instance directly.")
                .services("wafv2", "elbv2", "ec2")
                .costPerRunUsd(0.08, "under an hour of: a web ACL ($5/month prorated) with two rules ($1/month each), "
                        + "requests at $0.60 per million (aws.amazon.com/waf/pricing); an ALB and an NLB at about $0.0225 "
                        + "an hour each plus capacity units (aws.amazon.com/elasticloadbalancing/pricing); never Shield "
                        + "Advanced, which is $3,000 a month with a one-year commitment (aws.amazon.com/shield/pricing)")
                .provisions(SecurityGroup.KIND, Listener.KIND, LoadBalancer.KIND, WebAcl.KIND, WebAclAssociation.KIND)
                .calls("ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSubnets", "ec2:DescribeVpcs")
                .creates("in the Region's default VPC: a security group allowing HTTP from anywhere, an internet-facing "
                                + "Application Load Balancer in two Availability Zones with an HTTP listener that answers "
                                + "200 itself (no targets), and an internet-facing Network Load Balancer",
                        "a regional WAFv2 web ACL (default allow) with a rate-based rule (" + RATE_LIMIT + " requests per "
                                + "client IP in " + EVALUATION_WINDOW_SECONDS + " s, then block) and the AWS managed "
                                + "rule group AWSManagedRulesCommonRuleSet, associated with the ALB",
                        "never a Shield Advanced subscription, on any target: it costs $3,000 a month for at least a "
                                + "year, and Shield Standard, free and always on, already covers the load balancers")
                .option(LabOption.flag(SEND_TRAFFIC, false, "on AWS, send requests to the ALB until the rate-based rule "
                        + "blocks this machine's IP (a few hundred requests, up to 4 minutes after the ALB is active)"))
                .asserts("rate-based-rule-limits-per-ip",
                        "The web ACL's rate-based rule reads back with its limit (" + RATE_LIMIT + "), aggregation by "
                                + "client IP, an evaluation window of " + EVALUATION_WINDOW_SECONDS + " s and a Block action")
                .asserts("managed-rule-group-referenced",
                        "The web ACL references the AWS managed rule group AWSManagedRulesCommonRuleSet (vendor AWS), "
                                + "with its own rules' actions kept (override action None)")
                .asserts("web-acl-protects-the-alb",
                        "GetWebACLForResource of the ALB returns no web ACL before AssociateWebACL and this web ACL after it")
                .asserts("web-acl-refuses-an-nlb",
                        "AssociateWebACL with the Network Load Balancer is refused (WAF inspects HTTP, layer 7; an NLB "
                                + "forwards TCP/UDP, layer 4), while the ALB keeps this web ACL")
                .asserts("rate-limit-blocks-excess-requests",
                        "Requests from one IP to the ALB are answered 200 until they exceed the rate limit, then 403 "
                                + "from WAF (with --option send-traffic=true)")
                .note("Shield Standard needs no setup and has no API to switch on; Shield Advanced is subscribed with "
                        + "CreateSubscription, which this lab never calls (docs.aws.amazon.com/waf/latest/developerguide/"
                        + "ddos-standard-summary.html).")
                .note("Rate-based rules: limit 10 to 2,000,000,000 requests per evaluation window of 60, 120, 300 or "
                        + "600 s, aggregated per IP, forwarded IP, custom keys or all requests; WAF checks the rate "
                        + "every few seconds, so blocking starts shortly after the limit is passed "
                        + "(docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html).")
                .note("WAF protects CloudFront distributions (global web ACLs, created in us-east-1), ALBs, API Gateway "
                        + "REST APIs, AppSync, Cognito user pools, App Runner and Verified Access (regional web ACLs); "
                        + "not NLBs, Classic Load Balancers or EC2 instances "
                        + "(docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html).")
                .source("https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html")
                .source("https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html")
                .source("https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html")
                .source("https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html")
                .source("https://docs.aws.amazon.com/waf/latest/developerguide/shield-chapter.html")
                .source("https://docs.aws.amazon.com/waf/latest/developerguide/ddos-standard-summary.html")
                .source("https://aws.amazon.com/shield/pricing/")
                .awsOnly("rate-limit-blocks-excess-requests", "an emulator's WAF stores rules and never inspects a "
                        + "request: no load balancer of moto answers HTTP at its DNS name")
                .gap(MOTO, "web-acl-refuses-an-nlb", Symptom.checkFails("AssociateWebACL with the NLB", "no exception"),
                        "moto associates a web ACL with any resource ARN, a Network Load Balancer's included",
                        "moto 5.2.5: wafv2/models.py WAFV2Backend.associate_web_acl appends the resource ARN to the ACL's "
                                + "associated_resources without looking at its type");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        DefaultVpc vpc = DefaultVpc.of(ec2);
        String group = SecurityGroup.create(ctx, vpc.vpcId(), "alb", "HTTP from anywhere to the lab's ALB");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80)
                .toPort(80).ipRanges(i -> i.cidrIp("0.0.0.0/0").description("the lab's requests"))));
        LoadBalancer.Handle application = LoadBalancer.create(ctx, "alb", LoadBalancerTypeEnum.APPLICATION,
                List.copyOf(vpc.subnetIds()), r -> r.scheme(LoadBalancerSchemeEnum.INTERNET_FACING).securityGroups(group));
        alb = application.arn();
        albDns = application.dnsName();
        Listener.fixedResponse(ctx, alb, 80, "served by the ALB of " + ctx.name());
        nlb = LoadBalancer.create(ctx, "nlb", LoadBalancerTypeEnum.NETWORK, List.copyOf(vpc.subnetIds())).arn();
        acl = WebAcl.create(ctx, "acl", r -> r.defaultAction(a -> a.allow(x -> { }))
                .rules(rateRule(), managedRule())
                .visibilityConfig(metrics(ctx.name())));
    }

    static Rule rateRule() {
        return Rule.builder().name(RATE_RULE).priority(0).action(a -> a.block(b -> { }))
                .statement(s -> s.rateBasedStatement(r -> r.limit(RATE_LIMIT)
                        .aggregateKeyType(RateBasedStatementAggregateKeyType.IP)
                        .evaluationWindowSec(EVALUATION_WINDOW_SECONDS)))
                .visibilityConfig(metrics(RATE_RULE)).build();
    }

    static Rule managedRule() {
        return Rule.builder().name(MANAGED_RULE).priority(1).overrideAction(o -> o.none(n -> { }))
                .statement(s -> s.managedRuleGroupStatement(m -> m.vendorName("AWS").name("AWSManagedRulesCommonRuleSet")))
                .visibilityConfig(metrics(MANAGED_RULE)).build();
    }

    static VisibilityConfig metrics(String name) {
        return VisibilityConfig.builder().cloudWatchMetricsEnabled(true).metricName(name.replaceAll("[^A-Za-z0-9_-]", "-"))
                .sampledRequestsEnabled(true).build();
    }

    /**
     * WAF answers WAFUnavailableEntityException for a load balancer it cannot see yet (one created a
     * moment ago, still provisioning on AWS): that answer only says to ask again.
     */
    private void associateOnceReady(LabContext ctx, String loadBalancer) throws Exception {
        ctx.waits().retrying(ctx.words("wait.wafSeesAlb", loadBalancer), ACTIVE_TIMEOUT, ASK_EVERY,
                () -> WebAclAssociation.associate(ctx, acl.arn(), loadBalancer), e -> e instanceof WafUnavailableEntityException);
    }

    static Rule ruleNamed(WebACL acl, String name) {
        return acl.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        Wafv2Client waf = ctx.client(Wafv2Client.class);
        GetWebAclResponse read = waf.getWebACL(r -> r.name(acl.name()).id(acl.id()).scope(Scope.REGIONAL));

        check.that("rate-based-rule-limits-per-ip", p -> {
            p.call("wafv2:GetWebACL", read).evidence("webAcl", acl.arn());
            Rule rule = ruleNamed(read.webACL(), RATE_RULE);
            p.isTrue("the web ACL has the rule " + RATE_RULE, rule != null, read.webACL().rules());
            RateBasedStatement rate = rule.statement().rateBasedStatement();
            p.evidence("rateBasedStatement", rate);
            p.isTrue("the rule is rate-based", rate != null, rule.statement());
            p.equal("Limit", RATE_LIMIT, rate.limit());
            p.equal("AggregateKeyType", RateBasedStatementAggregateKeyType.IP, rate.aggregateKeyType());
            p.equal("EvaluationWindowSec", EVALUATION_WINDOW_SECONDS, rate.evaluationWindowSec());
            p.isTrue("Action is Block", rule.action() != null && rule.action().block() != null, rule.action());
        });

        check.that("managed-rule-group-referenced", p -> {
            p.call("wafv2:GetWebACL", read);
            Rule rule = ruleNamed(read.webACL(), MANAGED_RULE);
            p.isTrue("the web ACL has the rule " + MANAGED_RULE, rule != null, read.webACL().rules());
            var group = rule.statement().managedRuleGroupStatement();
            p.evidence("managedRuleGroupStatement", group);
            p.isTrue("the rule references a managed rule group", group != null, rule.statement());
            p.equal("VendorName", "AWS", group.vendorName());
            p.equal("Name", "AWSManagedRulesCommonRuleSet", group.name());
            p.isTrue("OverrideAction is None", rule.overrideAction() != null && rule.overrideAction().none() != null,
                    rule.overrideAction());
        });

        check.that("web-acl-protects-the-alb", p -> {
            WebACL before = waf.getWebACLForResource(r -> r.resourceArn(alb)).webACL();
            p.evidence("alb", alb).evidence("before", before == null ? "none" : before.arn());
            p.equal("web ACL of the ALB before the association", null, before == null ? null : before.arn());
            associateOnceReady(ctx, alb);
            WebACL after = ctx.waits().afterChange(ctx.words("wait.associationReadable"), Duration.ofSeconds(60),
                    Duration.ofSeconds(5), () -> waf.getWebACLForResource(r -> r.resourceArn(alb)).webACL(),
                    a -> a != null, a -> a == null ? "none" : a.arn());
            p.evidence("after", after == null ? "none" : after.arn());
            p.equal("web ACL of the ALB after AssociateWebACL", acl.arn(), after == null ? null : after.arn());
        });

        check.that("web-acl-refuses-an-nlb", p -> {
            p.evidence("nlb", nlb);
            Wafv2Exception refused = p.throwsA("AssociateWebACL with the NLB", Wafv2Exception.class,
                    () -> associateOnceReady(ctx, nlb));
            p.error("wafv2:AssociateWebACL(NLB)", refused);
            p.isTrue("refused for its type, not because it is still provisioning",
                    !(refused instanceof WafUnavailableEntityException), refused.awsErrorDetails().errorCode());
            WebACL onAlb = waf.getWebACLForResource(r -> r.resourceArn(alb)).webACL();
            p.equal("web ACL of the ALB", acl.arn(), onAlb == null ? null : onAlb.arn());
        });

        check.that("rate-limit-blocks-excess-requests", p -> {
            if (!ctx.flag(SEND_TRAFFIC)) {
                p.skip(ctx.words("skip.trafficNotAsked", SEND_TRAFFIC));
            }
            ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);
            LoadBalancerStateEnum state = ctx.waits().until(ctx.words("wait.albActive"), ACTIVE_TIMEOUT, ASK_EVERY,
                    () -> elb.describeLoadBalancers(r -> r.loadBalancerArns(alb)).loadBalancers().get(0).state().code(),
                    s -> s == LoadBalancerStateEnum.ACTIVE);
            p.equal("ALB state", LoadBalancerStateEnum.ACTIVE, state);
            TrafficBurst.Outcome burst = TrafficBurst.send(URI.create("http://" + albDns + "/"), BURST_LIMIT);
            p.evidence("url", "http://" + albDns + "/").evidence("statuses", burst.statuses())
                    .evidence("sent", burst.sent()).evidence("firstBlockedAt", burst.firstBlockedAt());
            p.isTrue("requests were answered 200 before the limit", burst.statuses().getOrDefault(200, 0) > 0,
                    burst.statuses());
            p.isTrue("a request over the limit was blocked with 403", burst.blocked(), burst.statuses());
        });
    }
}
