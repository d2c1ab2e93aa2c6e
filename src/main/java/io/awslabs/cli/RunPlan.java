package io.awslabs.cli;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabText;
import io.awslabs.targets.AwsTarget;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a run on a real account will do, shown before anything is created: where (account,
 * principal, region), what each lab creates, what one run costs, what cannot be deleted at once
 * and what is slow, and where the journal goes; in the learner's language, with each lab's own
 * texts in it. {@code labs start} writes its challenge's plan with the same words.
 */
final class RunPlan {
    /** The labels of a plan's lines: each is padded to the widest in the reader's language, so that the values line up. */
    private static final List<String> LABELS = List.of("account", "as", "region", "journal", "creates", "cost",
            "lasting", "slow");

    /**
     * What a plan warns of, per service as labs name them in {@code services(...)}; the plan bundle
     * explains each service under {@code <prefix>.<service>}, with the AWS documentation that says so.
     */
    enum Warning {
        /** Resources that outlive the run. */
        LASTING("lasting", Set.of("kms")),
        /** Resources whose create or delete takes minutes, not seconds. */
        SLOW("slow", Set.of("cloudfront", "ds", "ecs"));

        private final String prefix;
        private final Set<String> services;

        Warning(String prefix, Set<String> services) {
            this.prefix = prefix;
            this.services = services;
        }

        /** The explanations that concern the services of {@code labs}, each once, in the words of {@code say}. */
        Set<String> of(List<LabInfo> labs, Messages say) {
            Set<String> explained = new LinkedHashSet<>();
            for (LabInfo lab : labs) {
                for (String service : lab.services()) {
                    String key = service.toLowerCase(Locale.ROOT);
                    if (services.contains(key)) explained.add(say.get(prefix + "." + key));
                }
            }
            return explained;
        }
    }

    private RunPlan() { }

    /** The words of the plans and of the question after them, in {@code lang}. */
    static Messages words(Lang lang) {
        return Messages.of(RunPlan.class, "plan", lang);
    }

    static String render(String runId, AwsTarget target, List<Lab> labs, Path journal, Lang lang) {
        return render(runId, target.identity(), target.allowedBy(), target.region(), labs, journal, lang);
    }

    static String render(String runId, AwsTarget.CallerIdentity who, Said allowedBy, String region, List<Lab> labs,
                         Path journal, Lang lang) {
        Messages say = words(lang);
        StringBuilder plan = new StringBuilder(say.get("run.heading", runId)).append('\n');
        where(plan, say, who, allowedBy, region, journal);
        String creates = say.get("label.creates");
        String below = " ".repeat(Columns.of(creates) + 1);
        double cost = 0;
        for (Lab lab : labs) {
            LabText text = LabText.of(lab, lang);
            cost += lab.info().costPerRunUsd();
            plan.append("\n  ").append(say.get("run.lab", text.id(), dollars(lab.info().costPerRunUsd()), text.costNote()))
                    .append('\n');
            List<String> resources = text.creates();
            for (int i = 0; i < resources.size(); i++) {
                plan.append("    ").append(i == 0 ? creates + " " : below).append(resources.get(i)).append('\n');
            }
        }
        List<LabInfo> infos = labs.stream().map(Lab::info).toList();
        plan.append("\n  ").append(say.get("run.cost", dollars(cost))).append('\n');
        list(plan, say, say.get("run.lasting"), Warning.LASTING.of(infos, say));
        list(plan, say, say.get("run.slow"), Warning.SLOW.of(infos, say));
        plan.append("  ").append(say.get("run.tagged", runId)).append('\n');
        return plan.toString();
    }

    /** The lines every plan starts with: the account and how it came to be allowed, the principal, the region, the journal. */
    static void where(StringBuilder plan, Messages say, AwsTarget.CallerIdentity who, Said allowedBy, String region,
                      Path journal) {
        String allowed = allowedBy.in(say.lang());
        labelled(plan, say, "account", List.of(who.aliases().isEmpty() ? say.get("account", who.account(), allowed)
                : say.get("accountAlias", who.account(), String.join(", ", who.aliases()), allowed)));
        labelled(plan, say, "as", List.of(who.arn()));
        labelled(plan, say, "region", List.of(region));
        labelled(plan, say, "journal", List.of(journal.toString()));
    }

    /** Lines of a plan under one of its {@link #LABELS}: the first value beside the label, the others below it. */
    static void labelled(StringBuilder plan, Messages say, String label, List<String> values) {
        int width = LABELS.stream().mapToInt(l -> Columns.of(say.get("label." + l))).max().orElseThrow();
        for (int i = 0; i < values.size(); i++) {
            plan.append("  ").append(Columns.pad(i == 0 ? say.get("label." + label) : "", width)).append("   ")
                    .append(values.get(i)).append('\n');
        }
    }

    /** An amount in dollars as the plan shows it, the same in every language. */
    static String dollars(double usd) {
        return String.format(Locale.ROOT, "%.2f", usd);
    }

    private static void list(StringBuilder plan, Messages say, String title, Set<String> items) {
        plan.append("  ").append(say.get(items.isEmpty() ? "run.nothing" : "run.listed", title)).append('\n');
        items.forEach(item -> plan.append("    - ").append(item).append('\n'));
    }
}
