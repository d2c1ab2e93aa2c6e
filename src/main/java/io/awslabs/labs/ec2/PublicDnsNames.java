package io.awslabs.labs.ec2;

/**
 * The public IPv4 DNS name EC2 gives an instance with a public address in a VPC whose
 * enableDnsHostnames is true: {@code ec2-} and the address with dashes for dots, then
 * {@code compute-1.amazonaws.com} in us-east-1 (the Region that had EC2 first kept its old domain)
 * and {@code <region>.compute.amazonaws.com} in every other Region.
 */
final class PublicDnsNames {
    private PublicDnsNames() { }

    static String of(String publicIp, String region) {
        String domain = "us-east-1".equals(region) ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + publicIp.replace('.', '-') + "." + domain;
    }

    static boolean isBlank(String name) {
        return name == null || name.isBlank();
    }
}
