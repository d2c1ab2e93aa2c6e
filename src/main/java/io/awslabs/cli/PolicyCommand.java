package io.awslabs.cli;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.policy.LabPolicy;
import io.awslabs.policy.PolicyDocument;
import io.awslabs.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "policy", description = "Print the IAM policy a sandbox user needs for these labs: their steps, "
        + "teardown and labs cleanup, and the aws target's account guard.",
        footer = {"%nExamples:",
                "  labs policy kms-envelope-encryption > labs-kms.json",
                "  aws iam create-policy --policy-name labs-kms --policy-document file://labs-kms.json",
                "  labs policy s3-presigned-upload s3-default-encryption",
                "  labs policy --all --run-id-scoped",
                "%nExit codes:",
                "  0  printed",
                "  2  usage error (unknown lab, no lab, labs and --all)"})
final class PolicyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "LAB", arity = "0..*", description = "Lab ids (see 'labs list').")
    List<String> labIds = new ArrayList<>();

    @Option(names = "--all", description = "The policy for every lab.")
    boolean all;

    @Option(names = "--run-id-scoped", description = "Also require the labs:run-id tag (aws:RequestTag on creates, "
            + "aws:ResourceTag on changes); emulators ignore conditions, so only a real account proves it.")
    boolean runIdScoped;

    @Override
    public Integer call() {
        List<LabInfo> labs = new LabResolver().resolve(labIds, all).stream().map(Lab::info).toList();
        PolicyDocument policy = PolicyDocument.allowing(LabPolicy.actionsOf(labs), runIdScoped);
        spec.commandLine().getOut().println(policy.pretty());
        spec.commandLine().getOut().flush();
        if (!policy.fitsOneManagedPolicy()) {
            Messages say = Messages.of(PolicyCommand.class, root.lang());
            spec.commandLine().getErr().println(say.get("policy.tooLarge", policy.compactSize(),
                    PolicyDocument.MANAGED_POLICY_LIMIT));
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }
}
