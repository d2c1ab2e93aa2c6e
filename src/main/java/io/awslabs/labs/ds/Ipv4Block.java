package io.awslabs.labs.ds;

/** An IPv4 CIDR block, to tell whether an address lies inside a subnet. */
record Ipv4Block(int network, int prefixLength) {

    static Ipv4Block parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        int length = Integer.parseInt(cidr.substring(slash + 1));
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + cidr);
        }
        return new Ipv4Block(address(cidr.substring(0, slash)) & mask(length), length);
    }

    boolean contains(String ip) {
        return (address(ip) & mask(prefixLength)) == network;
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    static int address(String ip) {
        String[] parts = ip.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        int value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            value = (value << 8) | octet;
        }
        return value;
    }
}
