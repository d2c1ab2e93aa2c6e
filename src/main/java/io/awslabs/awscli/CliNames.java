package io.awslabs.awscli;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AWS CLI's names for the SDK's: a service's command (s3api, elbv2, cognito-idp), and an
 * operation or parameter as the CLI spells it, which is botocore's {@code xform_name} with a dash
 * (CreateVpcPeeringConnection: create-vpc-peering-connection; ListMFADevices: list-mfa-devices).
 */
final class CliNames {
    /** SDK model packages whose CLI command is not the package name itself. */
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("s3", "s3api"),
            Map.entry("elasticloadbalancingv2", "elbv2"),
            Map.entry("elasticloadbalancing", "elb"),
            Map.entry("cognitoidentityprovider", "cognito-idp"),
            Map.entry("cognitoidentity", "cognito-identity"),
            Map.entry("directory", "ds"),
            Map.entry("ssooidc", "sso-oidc"),
            Map.entry("cloudwatchlogs", "logs"),
            Map.entry("cloudwatch", "cloudwatch"));
    /** botocore: a trailing plural acronym (ARNs, ACLs) becomes one word. */
    private static final Pattern PLURAL_ACRONYM = Pattern.compile("[A-Z]{2,}s$");
    private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");

    private CliNames() {
    }

    /** The CLI command of the service whose model class this is. */
    static String command(Class<?> modelClass) {
        String name = modelClass.getPackageName();
        String prefix = "software.amazon.awssdk.services.";
        String service = name.startsWith(prefix) ? name.substring(prefix.length()).replaceFirst("\\.model$", "") : name;
        return COMMANDS.getOrDefault(service, service);
    }

    /** An operation or member name as the CLI spells it: GetBucketEncryption is get-bucket-encryption. */
    static String dashed(String name) {
        String word = name;
        var acronym = PLURAL_ACRONYM.matcher(word);
        if (acronym.find()) {
            word = word.substring(0, acronym.start()) + "-" + acronym.group().toLowerCase(java.util.Locale.ROOT);
        }
        word = FIRST_CAP.matcher(word).replaceAll("$1-$2");
        return END_CAP.matcher(word).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
