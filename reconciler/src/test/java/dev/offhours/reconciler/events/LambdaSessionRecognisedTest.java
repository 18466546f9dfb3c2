package dev.offhours.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.runtime.lambda.WorkerLambdaHandler;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda worker's own change, as the spoke's CloudTrail names its caller, is recognised by the event parser the
 * hub builds: both sides run as deployed (the handler from its environment, against moto) and the caller is the
 * assumed-role session moto issued to the handler.
 */
@ExtendWith(MotoExtension.class)
class LambdaSessionRecognisedTest {

    private static final String ROLE = "offhours-spoke";
    private static final Pattern ASSUMED = Pattern.compile("assumed-role/([^/]+)/([^/]+)$");

    @Test
    void theLambdaWorkersChangeIsOffhoursOwnForTheEventParser(MotoServer moto) throws Exception {
        String account = MotoServer.HUB_ACCOUNT;
        String region = moto.region();
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder());
             SqsClient sqs = moto.client(SqsClient.builder());
             AutoScalingClient asg = moto.client(AutoScalingClient.builder())) {
            dynamo.createTable(HubTableDefinitions.operationsTable("ops"));
            dynamo.createTable(HubTableDefinitions.inventoryTable("inventory"));
            String deadLetters = sqs.createQueue(b -> b.queueName("work-dlq")).queueUrl();
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-web").imageId("ami-12345678")
                    .instanceType("t3.micro"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("web").launchConfigurationName("lc-web")
                    .minSize(1).desiredCapacity(2).maxSize(3).availabilityZones(region + "a")
                    .tags(Tag.builder().resourceId("web").resourceType("auto-scaling-group")
                            .key(OffhoursTags.SCHEDULE).value("office-hours").propagateAtLaunch(false).build()));

            WorkerLambdaHandler function = WorkerLambdaHandler.fromEnvironment(Map.of(
                    "AWS_REGION", region, "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "OFFHOURS_OPERATIONS_TABLE", "ops", "OFFHOURS_INVENTORY_TABLE", "inventory",
                    "OFFHOURS_DEAD_LETTER_QUEUE_URL", deadLetters,
                    "OFFHOURS_SPOKE_ROLE_NAME", ROLE, "OFFHOURS_EXTERNAL_ID", "ext-42"), moto.credentials());
            WorkItem sleep = WorkItem.of("office-hours", Instant.parse("2026-03-02T17:00:00Z"), Action.SLEEP,
                    Target.asg(account, region, "web"), AsleepCapacity.ZERO, "main@sha1:abc", null);
            SQSBatchResponse response = function.handleRequest(event(new WorkItemCodec().encode(sleep),
                    "arn:aws:sqs:" + region + ":" + account + ":work"), null);

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(dynamo.scan(b -> b.tableName("ops")).items()).as("the operation record")
                    .anySatisfy(item -> assertThat(item.toString()).contains("SUCCEEDED"));
            assertThat(asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups()
                    .get(0).desiredCapacity()).as("the function put the group to sleep").isZero();
        }

        Matcher caller = ASSUMED.matcher(onlyAssumedRoleArn(moto.endpoint()));
        assertThat(caller.find()).isTrue();
        SpokeEvent change = new SpokeEventParser(ROLE).parse(EventFixtures.of(account, region)
                .with("role", caller.group(1)).with("session", caller.group(2)).with("asg", "web")
                .envelope("update-auto-scaling-group", Instant.parse("2026-03-02T17:00:05Z")));

        assertThat(change.selfInflicted()).as("the caller %s is offhours", caller.group()).isTrue();
        assertThat(change.isExternalChange()).isFalse();
    }

    /** The ARN of the one session moto issued (what CloudTrail shows as {@code userIdentity.arn}). */
    private static String onlyAssumedRoleArn(URI moto) throws Exception {
        HttpResponse<String> data = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                moto.resolve("/moto-api/data.json")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode sessions = new ObjectMapper().readTree(data.body()).path("sts").path("AssumedRole");
        assertThat(sessions).hasSize(1);
        return sessions.get(0).path("arn").asText();
    }

    private static SQSEvent event(String body, String sourceArn) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody(body);
        message.setEventSourceArn(sourceArn);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
