package io.awslabs.cli;

import io.awslabs.targets.AwsTarget;
import java.util.List;

/** The aws target's command-line options, checked before anything is opened. */
final class AccountIds {
    private AccountIds() { }

    static AwsTarget.Options awsOptions(String profile, List<String> accounts, boolean allowProdAlias) {
        for (String account : accounts) {
            if (!account.matches("\\d{12}")) {
                throw new UsageException("--account " + account + " is not an AWS account id (12 digits)",
                        "aws sts get-caller-identity shows the account id of your credentials");
            }
        }
        return new AwsTarget.Options(profile, List.copyOf(accounts), allowProdAlias);
    }
}
