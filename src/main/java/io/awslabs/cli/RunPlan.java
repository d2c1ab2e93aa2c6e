package io.awslabs.cli;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.targets.AwsTarget;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run on a real account will do, shown before anything is created: where (account,
 * principal, region), what each lab creates, what one run costs, what cannot be deleted at once
 * and what is slow, and where the journal goes.
 */
final class RunPlan {
    /** Per service (as labs name them in {@code services(...)}): resources that outlive the run. */
    static final Map<String, String> LASTING = Map.of(
            "kms", "KMS keys cannot be deleted at once: teardown schedules each key for deletion after 7 days "
                    + "(the minimum; AWS allows 7-30), and the key stays, unusable, until then "
                    + "(docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html)");

    /** Per service: resources whose create or delete takes minutes, not seconds. */
    static final Map<String, String> SLOW = Map.of(
            "cloudfront", "CloudFront distributions are slow: every change deploys to the edge locations, so a "
                    + "request through a new distribution waits minutes until it is Deployed (cloudfront-private-origin: "
                    + "--option wait-deployed=false leaves those assertions out), and a distribution must be disabled "
                    + "and Deployed before it can be deleted, so teardown waits minutes too "
                    + "(docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html)",
            "ds", "Directory Service directories are slow: a Simple AD takes 20-40 minutes to be Active and 10 or more "
                    + "to delete, billed at about $0.05 an hour meanwhile "
                    + "(docs.aws.amazon.com/directoryservice/latest/admin-guide/simple_ad_getting_started.html)",
            "ecs", "ECS services on EC2 are slow: the container instance boots and joins its cluster, tasks pull their "
                    + "image and pass the load balancer's health checks before anything can be shown, and teardown "
                    + "drains the service and terminates the instance; an instance and a load balancer are billed by the "
                    + "hour meanwhile (docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html)");

    private RunPlan() { }

    static String render(String runId, AwsTarget target, List<Lab> labs, Path journal) {
        return render(runId, target.identity(), target.allowedBy(), target.region(), labs, journal);
    }

    static String render(String runId, AwsTarget.CallerIdentity who, String allowedBy, String region, List<Lab> labs,
                         Path journal) {
        StringBuilder plan = new StringBuilder();
        plan.append("Plan for run ").append(runId).append(" on AWS\n");
        plan.append("  account   ").append(who.account())
                .append(who.aliases().isEmpty() ? "" : " (alias " + String.join(", ", who.aliases()) + ")")
                .append(", ").append(allowedBy).append('\n');
        plan.append("  as        ").append(who.arn()).append('\n');
        plan.append("  region    ").append(region).append('\n');
        plan.append("  journal   ").append(journal).append('\n');
        double cost = 0;
        Set<String> lasting = new LinkedHashSet<>();
        Set<String> slow = new LinkedHashSet<>();
        for (Lab lab : labs) {
            LabInfo info = lab.info();
            cost += info.costPerRunUsd();
            plan.append('\n').append(String.format(Locale.ROOT, "  %s (about $%.2f: %s)%n", info.id(),
                    info.costPerRunUsd(), info.costNote()));
            List<String> creates = info.creates();
            for (int i = 0; i < creates.size(); i++) {
                plan.append(i == 0 ? "    creates " : "            ").append(creates.get(i)).append('\n');
            }
            for (String service : info.services()) {
                String key = service.toLowerCase(Locale.ROOT);
                if (LASTING.containsKey(key)) lasting.add(LASTING.get(key));
                if (SLOW.containsKey(key)) slow.add(SLOW.get(key));
            }
        }
        plan.append('\n').append(String.format(Locale.ROOT, "  estimated cost of this run: about $%.2f%n", cost));
        list(plan, "cannot be deleted at once", lasting);
        list(plan, "slow", slow);
        plan.append("  Every resource is tagged labs:run-id=").append(runId)
                .append(" and deleted at the end of its lab; if the run is stopped, 'labs cleanup --run-id ")
                .append(runId).append("' finishes the job.\n");
        return plan.toString();
    }

    private static void list(StringBuilder plan, String title, Set<String> items) {
        plan.append("  ").append(title).append(items.isEmpty() ? ": nothing\n" : ":\n");
        items.forEach(item -> plan.append("    - ").append(item).append('\n'));
    }
}
