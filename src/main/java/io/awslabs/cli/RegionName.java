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

    @Override
    public String convert(String value) {
        return require(value);
    }

    static String require(String value) {
        if (value.isBlank()) {
            throw new BadValue(new ErrorText("regionEmpty", ErrorText.phrase("region.examples")));
        }
        if (KNOWN.contains(value)) {
            return value;
        }
        String cleaned = value.strip().toLowerCase(Locale.ROOT);
        if (KNOWN.contains(cleaned)) {
            String what = !cleaned.equals(value.toLowerCase(Locale.ROOT)) ? "regionSpaces" : "regionCase";
            throw new BadValue(new ErrorText(what, value, cleaned));
        }
        List<String> close = Closest.to(cleaned, KNOWN, 2, 3);
        throw new BadValue(close.isEmpty() ? new ErrorText("regionUnknown", value, ErrorText.phrase("region.examples"))
                : new ErrorText("regionUnknownClose", value, String.join(", ", close)));
    }
}
