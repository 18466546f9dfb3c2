package dev.offhours.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
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

    @Test
    void ofRacingConditionalWritesToOneItemExactlyOneSucceedsAsInDynamoDb(MotoServer moto) throws Exception {
        int racers = 4;
        int rounds = 100;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            dynamo.createTable(b -> b.tableName("race").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            List<Integer> winnersPerRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("item-" + round));
                dynamo.putItem(b -> b.tableName("race").item(key));
                CyclicBarrier together = new CyclicBarrier(racers);
                List<Future<Boolean>> writes = new ArrayList<>();
                for (int racer = 0; racer < racers; racer++) {
                    String owner = "racer-" + racer;
                    writes.add(threads.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        try {
                            dynamo.updateItem(b -> b.tableName("race").key(key).updateExpression("SET #o = :o")
                                    .conditionExpression("attribute_not_exists(#o)")
                                    .expressionAttributeNames(Map.of("#o", "owner"))
                                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner))));
                            return true;
                        } catch (ConditionalCheckFailedException e) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> write : writes) {
                    winners += write.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                winnersPerRound.add(winners);
            }
            assertThat(winnersPerRound).as("winners of each round of %d racing conditional writes", racers)
                    .containsOnly(1);
        } finally {
            threads.shutdownNow();
        }
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
