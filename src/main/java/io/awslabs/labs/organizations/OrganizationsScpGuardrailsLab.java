package io.awslabs.labs.organizations;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.organizations.AccountMove;
import io.awslabs.resources.organizations.Organization;
import io.awslabs.resources.organizations.OrganizationalUnit;
import io.awslabs.resources.organizations.PolicyAttachment;
import io.awslabs.resources.organizations.PolicyTypeEnabled;
import io.awslabs.resources.organizations.ServiceControlPolicy;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyInUseException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Proves the mechanics under a preventive guardrail: an organization with all features, an OU,
 * an account moved into it, and a service control policy attached to the OU that the account
 * inherits together with FullAWSAccess. Control Tower sets up the same pieces at landing-zone
 * scale; this lab builds them by hand, where every emulator and a sandbox account can follow.
 */
public final class OrganizationsScpGuardrailsLab implements Lab {
    static final String MEMBER_OPTION = "member-account";
    static final String ROLE_OPTION = "member-role";
    static final String DEFAULT_MEMBER_ROLE = "OrganizationAccountAccessRole";
    static final String FULL_ACCESS = "FullAWSAccess";
    private static final Duration PROPAGATION = Duration.ofMinutes(2);
    private static final Duration ASK_EVERY = Duration.ofSeconds(5);

    private OrganizationChoice choice;
    private String organizationId;
    private String rootId;
    private boolean scpsWereEnabled;
    private String ouId;
    private AccountMove.Moved moved;
    private String scpId;

    @Override
    public LabInfo info() {
        return LabInfo.of("organizations-scp-guardrails", "Organizations: OUs and SCP guardrails (what Control Tower builds on)")
                .exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources")
                .concept("AWS Organizations groups accounts under a root into organizational units (OUs). With all "
                        + "features on, service control policies (SCPs) set the most that any principal of a member "
                        + "account may do, the account's root user and administrators included; they grant nothing. An "
                        + "account's SCPs are those attached to it and to every parent up to the root, and a request "
                        + "must be allowed at every level, which is why FullAWSAccess is attached everywhere by default "
                        + "and a guardrail is a Deny added next to it. AWS Control Tower is a landing zone built on "
                        + "this: it sets up Organizations with a Security OU (log archive and audit accounts) and a "
                        + "Sandbox OU, IAM Identity Center, CloudTrail and AWS Config in every account, and controls "
                        + "called guardrails: preventive ones are SCPs like the one here, detective ones AWS Config "
                        + "rules, proactive ones CloudFormation hooks. The lab builds the guardrail underneath rather "
                        + "than Control Tower itself, because no emulator has a Control Tower API and a landing zone "
                        + "reshapes a whole account: it creates accounts that only closing removes.")
                .examAngle("A team must never use a service in its accounts, whatever their IAM policies say: SCP on "
                        + "their OU, and why not IAM? Does an SCP grant access? Does it restrict the management account "
                        + "(no) or a member account's root user (yes)? Why does detaching FullAWSAccess from an OU deny "
                        + "everything in it? When is Control Tower the answer (many accounts, a governed landing zone) "
                        + "and what are its preventive and detective guardrails?")
                .services("organizations", "sts", "acm")
                .costPerRunUsd(0.0, "AWS Organizations, SCPs and STS cost nothing (aws.amazon.com/organizations/pricing); "
                        + "the one ACM call made as the member account is a free list call (aws.amazon.com/certificate-manager/pricing)")
                .provisions(AccountMove.KIND, Organization.KIND, OrganizationalUnit.KIND, PolicyAttachment.KIND,
                        PolicyTypeEnabled.KIND, ServiceControlPolicy.KIND)
                .calls("acm:ListCertificates", "organizations:ListPoliciesForTarget", "sts:AssumeRole",
                        "sts:GetCallerIdentity")
                .creates("with --option organization=create-in-sandbox: an organization with all features, whose "
                                + "management account is the sandbox account (deleted at teardown, which makes the "
                                + "account standalone again); with --option organization=o-...: nothing at the top, "
                                + "the lab works in that existing organization, which these credentials must manage",
                        "an OU under the root, and the service control policy type enabled on the root if it was not "
                                + "(disabled again at teardown only if the lab enabled it)",
                        "an SCP denying acm:*, attached to the OU, and a second, unattached SCP deleted during the lab",
                        "a move of an existing account into the OU (--option member-account=<id>, or else the "
                                + "management account itself), undone at teardown by moving it back; the lab never "
                                + "creates, invites, removes or closes an account")
                .option(LabOption.text(OrganizationChoice.OPTION, "create-in-sandbox (the lab creates an organization "
                        + "in the account and deletes it at teardown) or o-... (an existing organization these credentials "
                        + "manage); emulators default to create-in-sandbox")
                        .requiredOnAws(OrganizationChoice.ACCEPTED, OrganizationChoice.CREATE, "the lab changes an "
                                + "Organizations tree, so say which: create-in-sandbox (a new organization with this "
                                + "account as its management account, deleted at teardown) or the id of an existing "
                                + "organization these credentials manage"))
                .option(LabOption.text(MEMBER_OPTION, "an existing member account of the organization to move into the "
                        + "lab's OU and back; without it the management account is moved, which no SCP restricts, so "
                        + "the deny itself is not shown"))
                .option(LabOption.text(ROLE_OPTION, "the role the lab assumes in the member account (default "
                        + DEFAULT_MEMBER_ROLE + ", which accounts created by Organizations have)"))
                .asserts("organization-has-all-features",
                        "The organization has all features (SCPs need them) and the caller's account is its management account")
                .asserts("scp-needs-policy-type-enabled",
                        "AttachPolicy of an SCP is refused (PolicyTypeNotEnabledException) until the SERVICE_CONTROL_POLICY "
                                + "type is enabled on the root; after EnablePolicyType it attaches to the OU")
                .asserts("account-moved-into-ou",
                        "MoveAccount puts the account in the OU: ListParents names the OU, which lists the account, "
                                + "and the account's former parent no longer does")
                .asserts("effective-scps-of-account",
                        "The account's SCPs, collected from it and every parent up to the root, are FullAWSAccess at "
                                + "every level and the lab's SCP through the OU")
                .asserts("scp-in-use-cannot-be-deleted",
                        "DeletePolicy of an attached SCP is refused (PolicyInUseException); an SCP attached nowhere is "
                                + "deleted at once")
                .asserts("scp-denies-member-account",
                        "A principal of the member account in the OU, holding the administrator role, is denied the "
                                + "service the SCP denies, while STS answers it as that account")
                .note("SCPs do not affect the management account, and do not grant permissions "
                        + "(docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).")
                .note("Policy inheritance: an account's effective SCP is what every SCP from the root down to it allows "
                        + "(docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_auth.html).")
                .note("AttachPolicy fails with PolicyTypeNotEnabledException until EnablePolicyType "
                        + "(docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html).")
                .note("An organization can be deleted only when it has no member accounts; an account created in an "
                        + "organization can leave only once it has standalone billing, and closing accounts is not "
                        + "something a lab does (docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_delete.html, "
                        + "orgs_manage_accounts_remove.html). What the sandbox gets back: with create-in-sandbox, every "
                        + "change is undone and the account is standalone again; with an existing organization, the OU, "
                        + "the SCPs and the move are undone and the organization is as before.")
                .note("Control Tower controls: preventive (SCPs, RCPs), detective (AWS Config rules), proactive "
                        + "(CloudFormation hooks) (docs.aws.amazon.com/controltower/latest/controlreference/controls.html).")
                .source("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html")
                .source("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_auth.html")
                .source("https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html")
                .source("https://docs.aws.amazon.com/controltower/latest/userguide/what-is-control-tower.html")
                .source("https://docs.aws.amazon.com/controltower/latest/controlreference/controls.html")
                .awsOnly("scp-denies-member-account",
                        "no emulator enforces SCPs (moto/organizations stores and attaches policies, and nothing in "
                                + "moto/core/authorization.py or moto/iam/access_control.py reads them, moto 5.2.5); on AWS it "
                                + "needs --option " + MEMBER_OPTION + ", since SCPs never restrict the management account")
                .gap(MOTO, "scp-needs-policy-type-enabled",
                        Symptom.checkFails("AttachPolicy before EnablePolicyType", "succeeded"),
                        "moto attaches an SCP whether or not the policy type is enabled on the root",
                        "moto/organizations/models.py OrganizationsBackend.attach_policy never reads the root's "
                                + "policy_types (moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        choice = OrganizationChoice.of(ctx.text(OrganizationChoice.OPTION));
        OrganizationsClient organizations = ctx.client(OrganizationsClient.class);
        if (choice.create()) {
            Organization.Handle created = Organization.create(ctx);
            organizationId = created.id();
        } else {
            organizationId = requireManaged(ctx, organizations, choice.existingId());
        }
        Root root = organizations.listRoots().roots().get(0);
        rootId = root.id();
        scpsWereEnabled = PolicyTypeEnabled.isEnabled(root, PolicyType.SERVICE_CONTROL_POLICY);
        ouId = OrganizationalUnit.create(ctx, rootId, "guardrails");
        String accountId = ctx.text(MEMBER_OPTION).orElse(ctx.target().accountId());
        String from = organizations.listParents(r -> r.childId(accountId)).parents().get(0).id();
        moved = AccountMove.move(ctx, accountId, from, ouId);
        scpId = ServiceControlPolicy.create(ctx, "deny-" + Scps.DENIED_SERVICE, Scps.denyService(Scps.DENIED_SERVICE),
                "Denies " + Scps.DENIED_SERVICE + ":* to the accounts in the lab's OU");
        if (scpsWereEnabled) {
            PolicyAttachment.attach(ctx, scpId, ouId);
        }
    }

    /** An existing organization is used only by its management account, and only the one named. */
    static String requireManaged(LabContext ctx, OrganizationsClient organizations, String expected) {
        DescribeOrganizationResponse org = organizations.describeOrganization();
        if (!org.organization().id().equals(expected)) {
            throw new IllegalStateException("these credentials belong to organization " + org.organization().id()
                    + ", not " + expected + ": pass --option " + OrganizationChoice.OPTION + "=" + org.organization().id());
        }
        if (!org.organization().masterAccountId().equals(ctx.target().accountId())) {
            throw new IllegalStateException("account " + ctx.target().accountId() + " is not the management account of "
                    + expected + " (" + org.organization().masterAccountId() + "): run the lab with its credentials");
        }
        return expected;
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        OrganizationsClient organizations = ctx.client(OrganizationsClient.class);

        check.that("organization-has-all-features", p -> {
            DescribeOrganizationResponse org = organizations.describeOrganization();
            p.call("organizations:DescribeOrganization", org).evidence("organizationId", organizationId)
                    .evidence("created", choice.create());
            p.equal("organization id", organizationId, org.organization().id());
            p.equal("feature set", OrganizationFeatureSet.ALL, org.organization().featureSet());
            p.equal("management account", ctx.target().accountId(), org.organization().masterAccountId());
        });

        check.that("scp-needs-policy-type-enabled", p -> {
            if (scpsWereEnabled) {
                p.skip(ctx.words("skip.scpsAlreadyEnabled", organizationId));
            }
            String before;
            try {
                PolicyAttachment.attach(ctx, scpId, ouId);
                before = "the call succeeded";
            } catch (AwsServiceException refused) {
                p.error("organizations:AttachPolicy(before)", refused);
                before = "refused: " + refused.awsErrorDetails().errorCode();
            }
            PolicyTypeEnabled.enable(ctx, rootId, PolicyType.SERVICE_CONTROL_POLICY);
            if (!before.equals("the call succeeded")) {
                PolicyAttachment.attach(ctx, scpId, ouId);
            }
            Root root = organizations.listRoots().roots().get(0);
            p.equal("AttachPolicy before EnablePolicyType", "refused: PolicyTypeNotEnabledException", before);
            p.equal("SCPs enabled on the root", true, PolicyTypeEnabled.isEnabled(root, PolicyType.SERVICE_CONTROL_POLICY));
            p.isTrue("the SCP is attached to the OU", namesOf(organizations, ouId).contains(ctx.name("deny-" + Scps.DENIED_SERVICE)),
                    namesOf(organizations, ouId));
        });

        check.that("account-moved-into-ou", p -> {
            var parents = organizations.listParents(r -> r.childId(moved.accountId()));
            p.call("organizations:ListParents", parents).evidence("account", moved.accountId())
                    .evidence("from", moved.fromParentId()).evidence("ou", ouId);
            p.equal("the account's parent", ouId, parents.parents().get(0).id());
            p.isTrue("the OU lists the account", accountsIn(organizations, ouId).contains(moved.accountId()),
                    accountsIn(organizations, ouId));
            p.isTrue("the former parent no longer lists it", !accountsIn(organizations, moved.fromParentId())
                    .contains(moved.accountId()), accountsIn(organizations, moved.fromParentId()));
        });

        check.that("effective-scps-of-account", p -> {
            Map<String, List<String>> byLevel = new LinkedHashMap<>();
            String level = moved.accountId();
            while (true) {
                byLevel.put(level, namesOf(organizations, level));
                if (level.startsWith("r-")) {
                    break;
                }
                String child = level;
                level = organizations.listParents(r -> r.childId(child)).parents().get(0).id();
            }
            p.evidence("scpsByLevel", byLevel);
            p.equal("levels from the account up to the root", List.of(moved.accountId(), ouId, rootId),
                    new ArrayList<>(byLevel.keySet()));
            p.equal("levels without " + FULL_ACCESS, List.of(), byLevel.entrySet().stream()
                    .filter(e -> !e.getValue().contains(FULL_ACCESS)).map(Map.Entry::getKey).toList());
            p.equal("the lab's SCP, through the OU", List.of(FULL_ACCESS, ctx.name("deny-" + Scps.DENIED_SERVICE)),
                    byLevel.get(ouId).stream().sorted().toList());
        });

        check.that("scp-in-use-cannot-be-deleted", p -> {
            PolicyInUseException inUse = p.throwsA("DeletePolicy of the attached SCP", PolicyInUseException.class,
                    () -> organizations.deletePolicy(r -> r.policyId(scpId)));
            p.error("organizations:DeletePolicy(attached)", inUse);
            String spare = ServiceControlPolicy.create(ctx, "spare", Scps.denyService(Scps.DENIED_SERVICE),
                    "Attached nowhere, deleted at once");
            p.call("organizations:DeletePolicy(unattached)", organizations.deletePolicy(r -> r.policyId(spare)));
            p.isTrue("the unattached SCP is gone", organizations.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY))
                    .stream().flatMap(page -> page.policies().stream()).noneMatch(s -> s.id().equals(spare)), spare);
        });

        check.that("scp-denies-member-account", p -> {
            Optional<String> member = ctx.text(MEMBER_OPTION);
            if (member.isEmpty()) {
                p.skip(ctx.words("skip.managementAccount", MEMBER_OPTION));
            }
            String role = "arn:aws:iam::" + member.get() + ":role/" + ctx.text(ROLE_OPTION).orElse(DEFAULT_MEMBER_ROLE);
            Credentials session = ctx.client(StsClient.class).assumeRole(r -> r.roleArn(role)
                    .roleSessionName("labs-scp-" + ctx.runId())).credentials();
            p.evidence("assumedRole", role);
            try (Target asMember = ctx.target().actingAs(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                p.equal("account STS answers for", member.get(), asMember.client(StsClient.class).getCallerIdentity().account());
                String answer = ctx.waits().afterChange(ctx.words("wait.scpInForce", member.get()), PROPAGATION, ASK_EVERY,
                        () -> deniedOrNot(asMember), a -> a.startsWith("refused"), a -> a);
                p.equal("ListCertificates as the member account's administrator", "refused: AccessDeniedException", answer);
            }
        });
    }

    private static String deniedOrNot(Target asMember) {
        try {
            asMember.client(AcmClient.class).listCertificates();
            return "allowed";
        } catch (AwsServiceException e) {
            return "refused: " + e.awsErrorDetails().errorCode();
        }
    }

    private static List<String> namesOf(OrganizationsClient organizations, String targetId) {
        return organizations.listPoliciesForTargetPaginator(r -> r.targetId(targetId).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .stream().flatMap(page -> page.policies().stream()).map(PolicySummary::name).toList();
    }

    private static List<String> accountsIn(OrganizationsClient organizations, String parentId) {
        return organizations.listAccountsForParentPaginator(r -> r.parentId(parentId)).stream()
                .flatMap(page -> page.accounts().stream()).map(Account::id).toList();
    }
}
