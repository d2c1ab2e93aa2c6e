package io.awslabs.labs.ds;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.ds.Directory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.services.directory.DirectoryClient;
import software.amazon.awssdk.services.directory.model.DirectoryDescription;
import software.amazon.awssdk.services.directory.model.DirectorySize;
import software.amazon.awssdk.services.directory.model.DirectoryStage;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The lab's Simple AD: a Small directory in two subnets of a VPC, its administrator password
 * generated per call and held by no one (the lab never signs in to it), and the wait until AWS
 * has built its domain controllers.
 */
final class SimpleAd {
    static final String SHORT_NAME = "CORP";
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(45);
    private static final Duration POLL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimpleAd() { }

    /** The directory's DNS name for a run: its id in it, which is how a sweep finds a directory made by hand. */
    static String nameFor(String runId) {
        return "corp-" + runId + ".example.com";
    }

    /** The region's available Availability Zones, sorted; at least two, as a directory needs. */
    static List<String> zones(Ec2Client ec2, String region) {
        List<String> zones = ec2.describeAvailabilityZones(r -> r.filters(
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("zone-type").values("availability-zone").build()))
                .availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().toList();
        if (zones.size() < 2) {
            throw new IllegalStateException("region " + region + " lists fewer than two Availability Zones: " + zones);
        }
        return zones;
    }

    /** CreateDirectory of a Small Simple AD in these subnets; returns its id at once, before it is Active. */
    static String create(LabContext ctx, String vpcId, List<String> subnets) throws Exception {
        String password = "Lab-" + HexFormat.of().formatHex(randomBytes(8)) + "-9z!";
        return Directory.create(ctx, r -> r.name(nameFor(ctx.runId())).shortName(SHORT_NAME)
                .password(password).size(DirectorySize.SMALL)
                .vpcSettings(v -> v.vpcId(vpcId).subnetIds(subnets)));
    }

    /** Waits until the directory is Active (20-40 minutes on AWS); fails if it ends Failed. */
    static DirectoryDescription awaitActive(LabContext ctx, String directoryId) throws Exception {
        DirectoryDescription done = ctx.step(ctx.words("step.awaitActive"), () -> ctx.waits().until(
                ctx.words("wait.directoryActive", directoryId), ACTIVE_TIMEOUT, POLL,
                () -> Directory.describe(ctx.client(DirectoryClient.class), directoryId).orElseThrow(),
                d -> d.stage() == DirectoryStage.ACTIVE || d.stage() == DirectoryStage.FAILED,
                d -> "stage " + d.stageAsString()));
        if (done.stage() != DirectoryStage.ACTIVE) {
            throw new IllegalStateException("directory " + directoryId + " is " + done.stageAsString() + " ("
                    + done.stageReason() + ")");
        }
        return done;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
