package io.awslabs.labs.organizations;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.organizations.AccountMove;
import io.awslabs.resources.organizations.Organization;
import io.awslabs.resources.organizations.OrganizationalUnit;
import io.awslabs.resources.organizations.PolicyAttachment;
import io.awslabs.resources.organizations.PolicyTypeEnabled;
import io.awslabs.resources.organizations.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The learner puts a preventive guardrail on an OU: an SCP that takes from every account in it
 * the power to leave the organization or switch CloudTrail off, attached where it binds those
 * accounts and no others, next to FullAWSAccess so that nothing else is lost. The checks read
 * what the account inherits level by level up to the root, and what each SCP's statements deny.
 */
public final class OrganizationsScpGuardrailsChallenge implements Challenge {
    static final String ORGANIZATION = "organization";
    static final String OU = "ou";
    static final String ACCOUNT = "account";
    static final String ROOT = "root";
    static final String SCP_NAME = Scaffold.SOLUTION + "scpName";
    /** Reading CloudTrail must stay allowed: a guardrail denies the harmful actions, not the whole service. */
    static final List<String> STILL_ALLOWED = List.of("cloudtrail:LookupEvents", "cloudtrail:DescribeTrails");

    @Override
    public String labId() {
        return "organizations-scp-guardrails";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Nobody in the accounts of the OU 'ou' below, not even their administrators or root "
                        + "users, can take an account out of the organization or switch CloudTrail off (stop a trail's "
                        + "logging, delete a trail); accounts outside the OU keep those rights, and everything else, "
                        + "reading CloudTrail included, stays allowed in the OU as it was.")
                .creates("with --option organization=create-in-sandbox (the default on emulators): an organization with "
                                + "all features whose management account is this account, deleted at 'labs stop'; with "
                                + "--option organization=o-...: nothing at the top, the challenge works in that organization",
                        "an OU under the root",
                        "a move of an existing account into the OU (--option member-account=<id>, or else the management "
                                + "account itself), moved back at 'labs stop'")
                .resource(ORGANIZATION, "an organization with all features, this account its management account")
                .resource(OU, "the OU whose accounts the guardrail must bind")
                .check("scps-enabled-on-root",
                        "Service control policies are enabled on the organization's root")
                .check("guardrail-on-the-ou",
                        "An SCP attached to the OU, and not to the root, denies " + String.join(", ", Scps.GUARDED_ACTIONS)
                                + " on every resource and without conditions")
                .check("account-inherits-guardrail-and-keeps-the-rest",
                        "The account in the OU inherits the guardrail; every level from the account up to the root still "
                                + "has FullAWSAccess, and no SCP on that path denies " + String.join(" or ", STILL_ALLOWED))
                .hints("Service control policies of AWS Organizations: an SCP grants nothing, it sets the most the "
                                + "accounts below it may do, so a guardrail is a Deny attached next to FullAWSAccess, on "
                                + "the OU whose accounts it must bind. The SCP policy type must first be enabled on the root.",
                        "Organizations EnablePolicyType (SERVICE_CONTROL_POLICY) on the root; CreatePolicy of type "
                                + "SERVICE_CONTROL_POLICY with one Deny statement of those actions on Resource \"*\"; "
                                + "AttachPolicy to the OU's id.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        OrganizationChoice choice = OrganizationChoice.of(ctx.text(OrganizationChoice.OPTION));
        OrganizationsClient organizations = ctx.client(OrganizationsClient.class);
        String organizationId = choice.create() ? Organization.create(ctx).id()
                : OrganizationsScpGuardrailsLab.requireManaged(ctx, organizations, choice.existingId());
        Root root = organizations.listRoots().roots().get(0);
        String ouId = OrganizationalUnit.create(ctx, root.id(), "guardrails");
        String accountId = ctx.text(OrganizationsScpGuardrailsLab.MEMBER_OPTION).orElse(ctx.target().accountId());
        String from = organizations.listParents(r -> r.childId(accountId)).parents().get(0).id();
        AccountMove.move(ctx, accountId, from, ouId);
        if (choice.create()) {
            scaffold.item(ORGANIZATION, Organization.KIND.type(), organizationId, null);
        }
        scaffold.item(OU, OrganizationalUnit.KIND.type(), ouId, null)
                .value(ROOT, root.id())
                .value(ACCOUNT, accountId)
                .value(SCP_NAME, ctx.name("guardrail"));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        OrganizationsClient organizations = ctx.client(OrganizationsClient.class);
        String ouId = scaffold.id(OU);
        String rootId = scaffold.value(ROOT);
        String accountId = scaffold.value(ACCOUNT);

        check.that("scps-enabled-on-root", p -> {
            var roots = organizations.listRoots();
            p.call("organizations:ListRoots", roots);
            Root root = roots.roots().stream().filter(r -> r.id().equals(rootId)).findFirst().orElseThrow();
            p.isTrue("SERVICE_CONTROL_POLICY enabled on " + rootId,
                    PolicyTypeEnabled.isEnabled(root, PolicyType.SERVICE_CONTROL_POLICY), root.policyTypes(),
                    ctx.words("fail.scpsNotEnabled", rootId));
        });

        check.that("guardrail-on-the-ou", p -> {
            Map<String, Set<String>> deniedByScp = new LinkedHashMap<>();
            for (PolicySummary scp : attachedTo(organizations, ouId)) {
                deniedByScp.put(scp.name(), Scps.deniedOutright(content(organizations, scp.id()), Scps.GUARDED_ACTIONS));
            }
            p.evidence("scpsOnTheOu", deniedByScp);
            List<String> guardrails = deniedByScp.entrySet().stream()
                    .filter(e -> e.getValue().containsAll(Scps.GUARDED_ACTIONS)).map(Map.Entry::getKey).toList();
            Set<String> denied = deniedByScp.values().stream().flatMap(Set::stream)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            p.isTrue("an SCP on the OU denies all of " + Scps.GUARDED_ACTIONS, !guardrails.isEmpty(), deniedByScp,
                    denied.isEmpty()
                            ? ctx.words("fail.ouDeniesNone", String.join(", ", Scps.GUARDED_ACTIONS))
                            : ctx.words("fail.ouDeniesNotAll", String.join(", ", Scps.GUARDED_ACTIONS), denied));
            List<String> onRoot = attachedTo(organizations, rootId).stream().map(PolicySummary::name)
                    .filter(guardrails::contains).toList();
            p.equal("the guardrail attached to the root too", List.of(), onRoot,
                    ctx.words("fail.guardrailOnRoot", onRoot));
        });

        check.that("account-inherits-guardrail-and-keeps-the-rest", p -> {
            Map<String, List<PolicySummary>> byLevel = new LinkedHashMap<>();
            String level = accountId;
            while (true) {
                byLevel.put(level, attachedTo(organizations, level));
                if (level.startsWith("r-")) {
                    break;
                }
                String child = level;
                level = organizations.listParents(r -> r.childId(child)).parents().get(0).id();
            }
            Map<String, List<String>> names = new LinkedHashMap<>();
            byLevel.forEach((id, scps) -> names.put(id, scps.stream().map(PolicySummary::name).toList()));
            p.evidence("scpsByLevel", names);
            p.equal("levels from the account up to the root", List.of(accountId, ouId, rootId), new ArrayList<>(names.keySet()),
                    ctx.words("fail.accountLeftOu", accountId, ouId));
            Set<String> inherited = new HashSet<>();
            List<String> deniesReading = new ArrayList<>();
            for (List<PolicySummary> scps : byLevel.values()) {
                for (PolicySummary scp : scps) {
                    String content = content(organizations, scp.id());
                    inherited.addAll(Scps.deniedOutright(content, Scps.GUARDED_ACTIONS));
                    Set<String> blocked = Scps.deniedOutright(content, STILL_ALLOWED);
                    if (!blocked.isEmpty()) {
                        deniesReading.add(scp.name() + " denies " + blocked);
                    }
                }
            }
            p.isTrue("the account inherits a deny of every guarded action", inherited.containsAll(Scps.GUARDED_ACTIONS),
                    inherited, ctx.words("fail.accountMayStillDo", accountId,
                            Scps.GUARDED_ACTIONS.stream().filter(a -> !inherited.contains(a)).toList()));
            List<String> withoutFullAccess = names.entrySet().stream()
                    .filter(e -> !e.getValue().contains(OrganizationsScpGuardrailsLab.FULL_ACCESS)).map(Map.Entry::getKey).toList();
            p.equal("levels without " + OrganizationsScpGuardrailsLab.FULL_ACCESS, List.of(), withoutFullAccess,
                    ctx.words("fail.fullAccessDetached", OrganizationsScpGuardrailsLab.FULL_ACCESS, withoutFullAccess));
            p.equal("SCPs denying what must stay allowed", List.of(), deniesReading,
                    ctx.words("fail.guardrailTooBroad", String.join("; ", deniesReading)));
        });
    }

    /** The lab's own pieces: its policy type, its SCP kind with a Deny the lab's {@link Scps} writes, its attachment. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        OrganizationsClient organizations = ctx.client(OrganizationsClient.class);
        Root root = organizations.listRoots().roots().get(0);
        if (!PolicyTypeEnabled.isEnabled(root, PolicyType.SERVICE_CONTROL_POLICY)) {
            PolicyTypeEnabled.enable(ctx, root.id(), PolicyType.SERVICE_CONTROL_POLICY);
        }
        String scpId = ServiceControlPolicy.create(ctx, "guardrail", Scps.denying("ProtectOrganizationAndTrail",
                Scps.GUARDED_ACTIONS), "Keeps the OU's accounts in the organization and their CloudTrail on");
        PolicyAttachment.attach(ctx, scpId, scaffold.id(OU));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String name = scaffold.value(SCP_NAME);
        return List.of("aws organizations enable-policy-type --root-id " + scaffold.value(ROOT)
                        + " --policy-type SERVICE_CONTROL_POLICY",
                "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name " + name
                        + " --description 'Keeps the OU in the organization and CloudTrail on' --content '"
                        + Scps.denying("ProtectOrganizationAndTrail", Scps.GUARDED_ACTIONS)
                        + "' --query Policy.PolicySummary.Id --output text",
                "aws organizations attach-policy --target-id " + scaffold.id(OU) + " --policy-id \"$(aws organizations "
                        + "list-policies --filter SERVICE_CONTROL_POLICY --query \"Policies[?Name=='" + name
                        + "'].Id\" --output text)\"");
    }

    private static List<PolicySummary> attachedTo(OrganizationsClient organizations, String targetId) {
        return organizations.listPoliciesForTargetPaginator(r -> r.targetId(targetId).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .stream().flatMap(page -> page.policies().stream()).toList();
    }

    private static String content(OrganizationsClient organizations, String policyId) {
        return organizations.describePolicy(r -> r.policyId(policyId)).policy().content();
    }
}
