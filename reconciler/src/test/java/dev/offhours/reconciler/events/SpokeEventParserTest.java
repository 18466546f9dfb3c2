package dev.offhours.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SpokeEventParserTest {

    static final String ACCOUNT = "111111111111";
    static final String REGION = "eu-west-1";
    static final Instant TIME = Instant.parse("2026-03-02T17:00:05Z");
    static final EventFixtures FIXTURES = EventFixtures.of(ACCOUNT, REGION);
    static final ResourceRef WEB = ResourceRef.of(Target.asg(ACCOUNT, REGION, "web"));
    static final ResourceRef WORKERS = ResourceRef.of(Target.nodegroup(ACCOUNT, REGION, "main", "workers"));

    private final SpokeEventParser parser = new SpokeEventParser("offhours-spoke");

    static Stream<Arguments> events() {
        ResourceChange.Touched webTouched = new ResourceChange.Touched(WEB);
        Map<String, String> optIn = Map.of("offhours.dev/schedule", "office-hours");
        return Stream.of(
                Arguments.of("asg-launch-successful", "EC2 Instance Launch Successful",
                        List.of(new ResourceChange.ScalingActivity(WEB, TIME, 3))),
                Arguments.of("asg-terminate-unsuccessful", "EC2 Instance Terminate Unsuccessful", List.of(webTouched)),
                Arguments.of("create-auto-scaling-group", "CreateAutoScalingGroup", List.of(webTouched)),
                Arguments.of("update-auto-scaling-group", "UpdateAutoScalingGroup",
                        List.of(new ResourceChange.Resized(WEB, 1, 3, 6))),
                Arguments.of("set-desired-capacity", "SetDesiredCapacity",
                        List.of(new ResourceChange.Resized(WEB, null, 3, null))),
                Arguments.of("delete-auto-scaling-group", "DeleteAutoScalingGroup",
                        List.of(new ResourceChange.Removed(WEB))),
                Arguments.of("create-or-update-tags", "CreateOrUpdateTags",
                        List.of(new ResourceChange.Retagged(WEB, optIn, Set.of()))),
                Arguments.of("delete-tags", "DeleteTags",
                        List.of(new ResourceChange.Retagged(WEB, Map.of(), Set.of("offhours.dev/schedule")))),
                Arguments.of("create-nodegroup", "CreateNodegroup", List.of(new ResourceChange.Touched(WORKERS))),
                Arguments.of("update-nodegroup-config", "UpdateNodegroupConfig",
                        List.of(new ResourceChange.Resized(WORKERS, 1, 3, 6))),
                Arguments.of("delete-nodegroup", "DeleteNodegroup", List.of(new ResourceChange.Removed(WORKERS))),
                Arguments.of("tag-resource-nodegroup", "TagResource",
                        List.of(new ResourceChange.Retagged(WORKERS, optIn, Set.of()))),
                Arguments.of("untag-resource-cluster", "UntagResource", List.of()),
                Arguments.of("delete-cluster", "DeleteCluster",
                        List.of(new ResourceChange.Touched(ResourceRef.wholeCluster(ACCOUNT, REGION, "main")))),
                Arguments.of("update-auto-scaling-group-failed", "UpdateAutoScalingGroup", List.of()),
                Arguments.of("update-nodegroup-config-failed", "UpdateNodegroupConfig", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsTheChangeEachDocumentedEventCarries(String fixture, String action, List<ResourceChange> changes)
            throws Exception {
        SpokeEvent event = parser.parse(FIXTURES.envelope(fixture, TIME));

        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.region()).isEqualTo(REGION);
        assertThat(event.time()).isEqualTo(TIME);
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.changes()).containsExactlyElementsOf(changes);
        assertThat(event.selfInflicted()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"autoScalingGroupName\":\"web\",\"launchTemplate\":{\"version\":\"2\"}} | none",
            "{\"autoScalingGroupName\":\"web\",\"maxSize\":\"six\"} | read",
            "{\"autoScalingGroupName\":\"web\",\"maxSize\":6} | resize",
            "{\"autoScalingGroupName\":\"web\",\"maxSize\":6.5} | read"})
    void aRequestThatNamesNoSizeChangesNothingAndOddSizesAreRead(String request, String expected) throws Exception {
        String body = "{\"account\":\"" + ACCOUNT + "\",\"region\":\"" + REGION + "\",\"detail-type\":"
                + "\"AWS API Call via CloudTrail\",\"source\":\"aws.autoscaling\",\"time\":\"" + TIME + "\","
                + "\"detail\":{\"eventSource\":\"autoscaling.amazonaws.com\",\"eventName\":"
                + "\"UpdateAutoScalingGroup\",\"requestParameters\":" + request + "}}";

        List<ResourceChange> changes = parser.parse(body).changes();

        assertThat(changes.isEmpty() ? "none" : changes.get(0) instanceof ResourceChange.Touched ? "read" : "resize")
                .isEqualTo(expected);
    }

    @Test
    void externalCallersAreNamedAndNativeEventsHaveNoCaller() throws Exception {
        SpokeEvent external = parser.parse(FIXTURES.envelope("update-auto-scaling-group", TIME));
        SpokeEvent launch = parser.parse(FIXTURES.envelope("asg-launch-successful", TIME));

        assertThat(external.isExternalChange()).isTrue();
        assertThat(external.actor()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/Admin/jane.doe");
        assertThat(launch.isExternalChange()).isFalse();
        assertThat(launch.actor()).isNull();
    }

    @ParameterizedTest(name = "role {0}, session {1}: offhours itself = {2}")
    @CsvSource({
            "offhours-spoke, offhours-hub, true",
            "offhours-spoke, offhours-worker, false",
            "offhours-spoke, jane.doe, false",
            "Admin, offhours-hub, false"})
    void recognisesOffhoursOwnSessionOnlyWithItsRoleAndSessionName(String role, String session, boolean self)
            throws Exception {
        SpokeEvent event = parser.parse(FIXTURES.with("role", role).with("session", session)
                .envelope("set-desired-capacity", TIME));

        assertThat(event.selfInflicted()).isEqualTo(self);
        assertThat(event.isExternalChange()).isEqualTo(!self);
        assertThat(event.refs()).containsExactly(WEB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json at all | not JSON",
            "[1, 2] | not an EventBridge event object",
            "{\"detail-type\":\"EC2 Instance Launch Successful\",\"source\":\"aws.autoscaling\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{}} | no 'account'",
            "{\"account\":\"1\",\"detail-type\":\"EC2 Instance Launch Successful\",\"source\":\"aws.autoscaling\",\"region\":\"us-east-1\",\"time\":\"yesterday\",\"detail\":{}} | time 'yesterday' is not an ISO-8601 instant",
            "{\"account\":\"1\",\"detail-type\":\"EC2 Instance Launch Successful\",\"source\":\"aws.autoscaling\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{}} | has no detail.AutoScalingGroupName",
            "{\"account\":\"1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{}} | detail-type 'Scheduled Event'",
            "{\"account\":\"1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{\"eventSource\":\"eks.amazonaws.com\",\"eventName\":\"UpdateNodegroupConfig\",\"requestParameters\":{\"name\":\"main\"}}} | has no requestParameters.nodegroupName",
            "{\"account\":\"1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{\"eventSource\":\"eks.amazonaws.com\",\"eventName\":\"TagResource\",\"requestParameters\":{\"resourceArn\":\"arn:aws:eks:us-east-1:1:nodegroup/main\"}}} | does not name a cluster and a node group",
            "{\"account\":\"1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ec2\",\"region\":\"us-east-1\",\"time\":\"2026-03-02T17:00:05Z\",\"detail\":{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\"}} | is not one the spoke patterns forward"})
    void refusesWhatItCannotUseWithAReadableReason(String body, String reason) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining(reason);
    }
}
