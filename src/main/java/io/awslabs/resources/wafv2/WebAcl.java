package io.awslabs.resources.wafv2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.CreateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.Tag;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * A regional WAFv2 web ACL (the kind an ALB, API Gateway or AppSync uses; CloudFront's are global,
 * in us-east-1), named {@code labs-<lab>-<run>-<suffix>} and tagged at creation; recorded by its
 * ARN, whose last two segments are its name and id. Every update and the delete need the ACL's
 * current lock token, which the delete reads first.
 */
public final class WebAcl implements ResourceKind {
    public static final WebAcl KIND = new WebAcl();

    private WebAcl() { }

    /** A created web ACL: what GetWebACL, UpdateWebACL and the association calls take. */
    public record Handle(String name, String id, String arn) { }

    /** Creates the web ACL with the run's name and tags; {@code acl} sets the default action, rules and metrics. */
    public static Handle create(Provisioning p, String suffix, Consumer<CreateWebAclRequest.Builder> acl) throws Exception {
        Wafv2Client waf = p.client(Wafv2Client.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> {
            var summary = waf.createWebACL(r -> {
                acl.accept(r);
                r.name(name).scope(Scope.REGIONAL).tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()));
            }).summary();
            return new Handle(summary.name(), summary.id(), summary.arn());
        }, Handle::arn);
    }

    @Override
    public String type() {
        return "WAFv2 web ACL";
    }

    @Override
    public List<String> actions() {
        return List.of("wafv2:CreateWebACL", "wafv2:TagResource", "wafv2:GetWebACL", "wafv2:DeleteWebACL");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("wafv2:ListWebACLs");
    }

    @Override
    public void delete(Teardown env, String arn) throws Gone {
        Wafv2Client waf = env.target().client(Wafv2Client.class);
        String name = nameOf(arn);
        String id = Ids.lastSegment(arn);
        try {
            String lockToken = waf.getWebACL(r -> r.name(name).id(id).scope(Scope.REGIONAL)).lockToken();
            waf.deleteWebACL(r -> r.name(name).id(id).scope(Scope.REGIONAL).lockToken(lockToken));
        } catch (WafNonexistentItemException e) {
            throw new Gone("gone.webAcl", name);
        }
    }

    /** {@code arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>} */
    static String nameOf(String arn) {
        String[] parts = Ids.resourceOf(arn).split("/");
        return parts[parts.length - 2];
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("wafv2") && arn.resourceAsString().startsWith("regional/webacl/");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        Wafv2Client waf = target.client(Wafv2Client.class);
        List<WebACLSummary> acls = new ArrayList<>();
        String marker = null;
        do {
            String next = marker;
            var page = waf.listWebACLs(r -> r.scope(Scope.REGIONAL).limit(100).nextMarker(next));
            acls.addAll(page.webACLs());
            marker = page.webACLs().isEmpty() ? null : page.nextMarker();
        } while (marker != null);
        return acls.stream().flatMap(a -> runs.runOf(a.name()).map(run -> new Found(run, a.arn())).stream()).toList();
    }
}
