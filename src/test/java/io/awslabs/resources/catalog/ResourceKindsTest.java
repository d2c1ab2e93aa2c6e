package io.awslabs.resources.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.ResourceKind;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResourceKindsTest {

    @Test
    void everyKindAResourcePackageDeclaresIsInTheCatalogSoCleanupCanDeleteIt() throws Exception {
        List<ResourceKind> declared = declaredKinds();

        assertThat(declared).as("kinds found in io.awslabs.resources").hasSizeGreaterThanOrEqualTo(17);
        assertThat(ResourceKinds.ALL).containsAll(declared);
        declared.forEach(k -> assertThat(ResourceKinds.forType(k.type())).as(k.type()).contains(k));
        assertThat(ResourceKinds.forType("Quantum widget")).isEmpty();
    }

    @Test
    void typeNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        ResourceKinds.ALL.forEach(k -> assertThat(seen.add(k.type())).as(k.type()).isTrue());
    }

    @Test
    void sweptArnsMapToTheirKind() {
        assertThat(type("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab")).isEqualTo("KMS key");
        assertThat(type("arn:aws:s3:::labs-s3-abc12345-data")).isEqualTo("S3 bucket");
        assertThat(type("arn:aws:acm:eu-west-1:123456789012:certificate/uuid")).isEqualTo("ACM certificate");
        assertThat(type("arn:aws:route53:::hostedzone/Z0123")).isEqualTo("Route 53 hosted zone");
        assertThat(type("arn:aws:iam::123456789012:role/labs-ssm-abc12345-role")).isEqualTo("IAM role");
        assertThat(type("arn:aws:iam::123456789012:instance-profile/labs-x")).isEqualTo("IAM instance profile");
        assertThat(type("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc")).isEqualTo("EC2 instance");
        assertThat(type("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc")).isEqualTo("EC2 security group");
        assertThat(type("arn:aws:ssm:eu-west-1:123456789012:parameter/labs-x/secret")).isEqualTo("SSM parameter");
        assertThat(type("arn:aws:cloudfront::123456789012:distribution/E123")).isEqualTo("CloudFront distribution");
        assertThat(type("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc")).isEqualTo("EBS volume");
        assertThat(ResourceKinds.forArn("arn:aws:s3:::bucket/key")).isEmpty();
    }

    @Test
    void theJournalsIdAndTheSweepsArnOfOneResourceHaveTheSameCanonicalId() {
        assertSame("KMS key", "arn:aws:kms:eu-west-1:123456789012:key/k1", "k1");
        assertSame("KMS alias", "arn:aws:kms:eu-west-1:123456789012:alias/labs-x", "alias/labs-x");
        assertSame("S3 bucket", "arn:aws:s3:::labs-x-data", "labs-x-data");
        assertSame("IAM role", "arn:aws:iam::123456789012:role/service/labs-x-role", "labs-x-role");
        assertSame("Route 53 hosted zone", "arn:aws:route53:::hostedzone/Z0123", "/hostedzone/Z0123");
        assertSame("EC2 instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "i-0abc");
        assertSame("SSM parameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/labs-x/secret", "/labs-x/secret");
        assertSame("SSM parameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/plain", "plain");
        String certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/uuid";
        assertThat(ResourceKinds.forType("ACM certificate").orElseThrow().canonicalId(certificate)).isEqualTo(certificate);
    }

    private static void assertSame(String type, String arn, String id) {
        ResourceKind kind = ResourceKinds.forType(type).orElseThrow();
        assertThat(kind.canonicalId(arn)).as(type + " " + arn).isEqualTo(kind.canonicalId(id));
    }

    private static String type(String arn) {
        return ResourceKinds.forArn(arn).map(ResourceKind::type).orElse(null);
    }

    /** Every public static ResourceKind constant of the classes compiled under io/awslabs/resources. */
    private static List<ResourceKind> declaredKinds() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(ResourceKind.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("io/awslabs/resources");
        List<ResourceKind> kinds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Field field : Class.forName(name).getDeclaredFields()) {
                    int m = field.getModifiers();
                    if (Modifier.isStatic(m) && Modifier.isPublic(m) && ResourceKind.class.isAssignableFrom(field.getType())) {
                        kinds.add((ResourceKind) field.get(null));
                    }
                }
            }
        }
        return kinds;
    }
}
