package dev.offhours.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

@ExtendWith(MotoExtension.class)
class MotoExtensionTest {

    private static final String SPOKE_ROLE = "arn:aws:iam::111111111111:role/offhours-spoke";

    @Test
    void anAsgCreatedThroughAnAssumedSpokeRoleLivesInTheSpokeAccountOnly(MotoServer moto) {
        AwsCredentialsProvider spoke = assumeSpokeRole(moto);
        try (AutoScalingClient spokeAsg = moto.client(AutoScalingClient.builder(), spoke);
             AutoScalingClient hubAsg = moto.client(AutoScalingClient.builder())) {
            spokeAsg.createLaunchConfiguration(b -> b.launchConfigurationName("lc").imageId("ami-12345678")
                    .instanceType("t3.micro"));
            spokeAsg.createAutoScalingGroup(b -> b.autoScalingGroupName("web").launchConfigurationName("lc")
                    .minSize(1).maxSize(3).desiredCapacity(2).availabilityZones(moto.region() + "a"));

            assertThat(spokeAsg.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups())
                    .singleElement()
                    .satisfies(g -> assertThat(g.autoScalingGroupARN()).contains(":111111111111:"))
                    .satisfies(g -> assertThat(g.desiredCapacity()).isEqualTo(2));
            assertThat(hubAsg.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups())
                    .isEmpty();
        }
    }

    @Test
    void eachTestStartsFromAnEmptyMoto(MotoServer moto) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder())) {
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc").imageId("ami-12345678")
                    .instanceType("t3.micro"));
            moto.reset();
            assertThat(asg.describeLaunchConfigurations().launchConfigurations()).isEmpty();
        }
    }

    @Test
    void aPythonWithoutMotoFailsWithInstallInstructions(@TempDir Path logs) {
        assertThatThrownBy(() -> MotoServer.start(logs, "offhours-no-such-python"))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessageContaining("python3 -m pip install 'moto[server]==5.2.1'");
        assertThatThrownBy(() -> MotoServer.start(logs, "false"))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessageContaining("exited with code 1 before answering")
                .hasMessageContaining("python3 -m pip install 'moto[server]==5.2.1'");
    }

    private static AwsCredentialsProvider assumeSpokeRole(MotoServer moto) {
        try (StsClient sts = moto.client(StsClient.builder())) {
            Credentials c = sts.assumeRole(b -> b.roleArn(SPOKE_ROLE).roleSessionName("offhours-test").externalId("x"))
                    .credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }
}
