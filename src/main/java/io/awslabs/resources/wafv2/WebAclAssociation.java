package io.awslabs.resources.wafv2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * A web ACL protecting a lab load balancer, recorded as the pair. A resource has at most one web
 * ACL, so removing the association is DisassociateWebACL of the resource; it must go before the
 * web ACL, which WAF refuses to delete while it protects anything.
 */
public final class WebAclAssociation implements ResourceKind {
    public static final WebAclAssociation KIND = new WebAclAssociation();

    private WebAclAssociation() { }

    public record Pair(String webAclArn, String resourceArn) { }

    /** Associates the web ACL with the resource, and records it the moment WAF accepts. */
    public static void associate(Provisioning p, String webAclArn, String resourceArn) throws Exception {
        Wafv2Client waf = p.client(Wafv2Client.class);
        p.create(KIND, () -> {
            waf.associateWebACL(r -> r.webACLArn(webAclArn).resourceArn(resourceArn));
            return Relation.idOf(new Pair(webAclArn, resourceArn));
        });
    }

    @Override
    public String type() {
        return "WAFv2 web ACL association";
    }

    @Override
    public List<String> actions() {
        return List.of("wafv2:AssociateWebACL", "wafv2:GetWebACLForResource", "wafv2:DisassociateWebACL",
                "elasticloadbalancing:SetWebAcl");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags",
                "wafv2:GetWebACLForResource");
    }

    @Override
    public void delete(Teardown env, String id) throws Exception {
        Pair pair = Relation.parse(id, Pair.class);
        Wafv2Client waf = env.target().client(Wafv2Client.class);
        if (webAclOf(waf, pair.resourceArn()) == null) {
            throw new Gone("gone.webAclAssociation", pair.resourceArn());
        }
        waf.disassociateWebACL(r -> r.resourceArn(pair.resourceArn()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    /** The web ACL protecting each of the run's load balancers. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) throws Exception {
        Wafv2Client waf = target.client(Wafv2Client.class);
        List<Found> found = new ArrayList<>();
        for (Found lb : LoadBalancer.KIND.find(target, runs)) {
            WebACL acl = webAclOf(waf, lb.id());
            if (acl != null) {
                found.add(new Found(lb.runId(), Relation.idOf(new Pair(acl.arn(), lb.id()))));
            }
        }
        return found;
    }

    private static WebACL webAclOf(Wafv2Client waf, String resourceArn) {
        try {
            return waf.getWebACLForResource(r -> r.resourceArn(resourceArn)).webACL();
        } catch (WafNonexistentItemException e) {
            return null;
        }
    }
}
