package io.awslabs.labs.ds;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.LabContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryServiceSimpleAdIT extends LabContract {

    @TempDir
    Path work;

    DirectoryServiceSimpleAdIT() {
        super(DirectoryServiceSimpleAdLab::new);
    }

    @Test
    void theDomainControllersAreOnePerSubnetBehindTheGroupDirectoryServiceMade() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("dns-addresses-inside-subnets").actual())
                .contains("subnets holding them, one each: [10.42.1.0/24, 10.42.2.0/24]");
        assertThat(a.get("controllers-security-group").actual()).containsPattern("group name: d-[0-9a-f]+_controllers");
        assertThat(a.get("same-zone-subnets-refused").evidence().get("ds:CreateDirectory(one zone).error"))
                .isEqualTo("400 ClientException");
    }

    @Test
    void teardownDeletesTheDirectoryBeforeItsSubnetsAndTheVpcLast() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsExactly("Directory Service directory",
                "EC2 subnet", "EC2 subnet", "EC2 subnet", "EC2 VPC");
    }

    @Test
    void theAdministratorPasswordNeverReachesTheReport() throws Exception {
        assertThat(ReportJson.MAPPER.writeValueAsString(reportOn(Emulator.MOTO))).doesNotContainPattern("Lab-[0-9a-f]{16}-9z!");
    }

    @Test
    void onAwsTheRunIsRefusedBeforeAnythingIsCreatedWithoutConsentToTheWait() throws Exception {
        JarProcess.Result refused = JarProcess.run(work, Map.of(), "run", "directory-service-simple-ad", "--target", "aws");

        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("needs --option allow-slow on aws", "20-40 minutes", "$0.05 an hour")
                .contains("hint: add --option allow-slow=true");
    }

    @Test
    void localStackCommunityHasNoDirectoryServiceSoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve ds", "community edition"));
        assertThat(lab.teardown()).isEmpty();
    }
}
