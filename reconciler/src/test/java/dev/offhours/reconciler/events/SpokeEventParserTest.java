package dev.offhours.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.List;
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

    private final SpokeEventParser parser = new SpokeEventParser("offhours-spoke", "offhours-worker");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("asg-launch-successful", "EC2 Instance Launch Successful", List.of(WEB)),
                Arguments.of("asg-terminate-unsuccessful", "EC2 Instance Terminate Unsuccessful", List.of(WEB)),
                Arguments.of("create-auto-scaling-group", "CreateAutoScalingGroup", List.of(WEB)),
                Arguments.of("update-auto-scaling-group", "UpdateAutoScalingGroup", List.of(WEB)),
                Arguments.of("set-desired-capacity", "SetDesiredCapacity", List.of(WEB)),
                Arguments.of("delete-auto-scaling-group", "DeleteAutoScalingGroup", List.of(WEB)),
                Arguments.of("create-or-update-tags", "CreateOrUpdateTags", List.of(WEB)),
                Arguments.of("delete-tags", "DeleteTags", List.of(WEB)),
                Arguments.of("create-nodegroup", "CreateNodegroup", List.of(WORKERS)),
                Arguments.of("update-nodegroup-config", "UpdateNodegroupConfig", List.of(WORKERS)),
                Arguments.of("delete-nodegroup", "DeleteNodegroup", List.of(WORKERS)),
                Arguments.of("tag-resource-nodegroup", "TagResource", List.of(WORKERS)),
                Arguments.of("untag-resource-cluster", "UntagResource", List.of()),
                Arguments.of("delete-cluster", "DeleteCluster",
                        List.of(ResourceRef.wholeCluster(ACCOUNT, REGION, "main"))),
                Arguments.of("update-auto-scaling-group-failed", "UpdateAutoScalingGroup", List.of()),
                Arguments.of("update-nodegroup-config-failed", "UpdateNodegroupConfig", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void namesTheResourceEachDocumentedEventIsAbout(String fixture, String action, List<ResourceRef> refs)
            throws Exception {
        SpokeEvent event = parser.parse(FIXTURES.envelope(fixture, TIME));

        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.region()).isEqualTo(REGION);
        assertThat(event.time()).isEqualTo(TIME);
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.refs()).containsExactlyElementsOf(refs);
        assertThat(event.selfInflicted()).isFalse();
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
            "offhours-spoke, offhours-worker, true",
            "offhours-spoke, jane.doe, false",
            "Admin, offhours-worker, false"})
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
