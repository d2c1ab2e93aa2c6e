package io.awslabs.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;

/**
 * A {@code --region} the AWS SDK knows, checked while parsing. Without this a typo reaches the
 * target: moto answers {@code mars-1} with a 500 per call, and AWS with an unknown host, after
 * the emulator has started or the plan was shown. The SDK's region list (from its partition
 * metadata) is the authority; its global pseudo-regions (aws-global) are not places to run labs.
 */
final class RegionName implements CommandLine.ITypeConverter<String> {
    static final Set<String> KNOWN = Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id)
            .collect(Collectors.toCollection(TreeSet::new));
    private static final String EXAMPLES = "us-east-1, eu-west-1, ap-southeast-2";

    @Override
    public String convert(String value) {
        return require(value);
    }

    static String require(String value) {
        if (value.isBlank()) {
            throw new BadValue("--region is empty", "pass a region such as " + EXAMPLES
                    + ", or leave --region out (emulators use us-east-1; aws uses AWS_REGION or the profile's)");
        }
        if (KNOWN.contains(value)) {
            return value;
        }
        String cleaned = value.strip().toLowerCase(Locale.ROOT);
        if (KNOWN.contains(cleaned)) {
            String what = !cleaned.equals(value.toLowerCase(Locale.ROOT)) ? "has spaces around it" : "must be lowercase";
            throw new BadValue("--region '" + value + "' " + what, "did you mean --region " + cleaned + "?");
        }
        List<String> close = Closest.to(cleaned, KNOWN, 2, 3);
        throw new BadValue("--region '" + value + "' is not an AWS region",
                close.isEmpty() ? "regions look like " + EXAMPLES + "; 'aws ec2 describe-regions' lists your account's"
                        : "did you mean " + String.join(", ", close) + "?");
    }
}
