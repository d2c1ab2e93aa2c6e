package io.awslabs.labs.acm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CertificateSerialTest {

    @Test
    void serialPrintedByAwsAsColonHexReadsAsTheSameNumber() {
        // the format of the AWS CLI's describe-certificate example
        assertThat(AcmCertificateLab.serialOf("0f:ac:b0:a3:8d:ea:65:52:2d:7d:01:3a:39:36:db:d6"))
                .isEqualTo(new BigInteger("0facb0a38dea65522d7d013a3936dbd6", 16));
    }

    @Test
    void serialPrintedInDecimalAsMotoDoesReadsAsTheSameNumber() {
        assertThat(AcmCertificateLab.serialOf("4011")).isEqualTo(BigInteger.valueOf(4011));
    }

    @Test
    void anythingElseIsNoSerialSoTheComparisonFails() {
        assertThat(AcmCertificateLab.serialOf("0fac-b0")).isNull();
        assertThat(AcmCertificateLab.serialOf("")).isNull();
    }

    @Test
    void localSerialIsShownAsAwsPrintsIt() {
        assertThat(AcmCertificateLab.colonHex(new BigInteger("facb0a3", 16))).isEqualTo("0f:ac:b0:a3");
        assertThat(AcmCertificateLab.serialOf(AcmCertificateLab.colonHex(BigInteger.valueOf(123456789))))
                .isEqualTo(BigInteger.valueOf(123456789));
    }
}
