package dev.offhours.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpokeEventPatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<SpokeEventPatterns.Pattern> patterns() {
        return SpokeEventPatterns.all();
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyPatternIsAJsonObjectWithASourceAndDetailType(SpokeEventPatterns.Pattern pattern) throws Exception {
        JsonNode root = JSON.readTree(pattern.json());
        assertThat(root.isObject()).isTrue();
        assertThat(root.get("source").isArray()).isTrue();
        assertThat(root.get("detail-type").isArray()).isTrue();
        assertThat(strings(root.get("source"))).containsExactly(pattern.source());
        assertThat(pattern.name()).matches("[a-z0-9-]{1,20}");
    }

    @Test
    void autoScalingInstanceEventsIncludeUnsuccessfulLaunchesAndTerminations() throws Exception {
        JsonNode root = JSON.readTree(SpokeEventPatterns.asgInstanceEvents().json());
        assertThat(strings(root.get("source"))).containsExactly("aws.autoscaling");
        assertThat(strings(root.get("detail-type"))).containsExactlyInAnyOrder(
                "EC2 Instance Launch Successful", "EC2 Instance Launch Unsuccessful",
                "EC2 Instance Terminate Successful", "EC2 Instance Terminate Unsuccessful");
    }

    @Test
    void autoScalingApiCallsNameEveryCallThatChangesAGroup() throws Exception {
        JsonNode root = JSON.readTree(SpokeEventPatterns.autoScalingApiCalls().json());
        assertThat(strings(root.get("source"))).containsExactly("aws.autoscaling");
        assertThat(strings(root.get("detail-type"))).containsExactly("AWS API Call via CloudTrail");
        assertThat(strings(root.at("/detail/eventSource"))).containsExactly("autoscaling.amazonaws.com");
        assertThat(strings(root.at("/detail/eventName"))).containsExactlyInAnyOrder("CreateAutoScalingGroup",
                "UpdateAutoScalingGroup", "SetDesiredCapacity", "DeleteAutoScalingGroup", "CreateOrUpdateTags",
                "DeleteTags");
    }

    @Test
    void eksApiCallsNameEveryCallThatChangesANodeGroup() throws Exception {
        JsonNode root = JSON.readTree(SpokeEventPatterns.eksApiCalls().json());
        assertThat(strings(root.get("source"))).containsExactly("aws.eks");
        assertThat(strings(root.at("/detail/eventSource"))).containsExactly("eks.amazonaws.com");
        assertThat(strings(root.at("/detail/eventName"))).containsExactlyInAnyOrder("CreateNodegroup",
                "UpdateNodegroupConfig", "DeleteNodegroup", "TagResource", "UntagResource", "DeleteCluster");
    }

    @Test
    void apiCallPatternsDropFailedCalls() throws Exception {
        for (SpokeEventPatterns.Pattern pattern : List.of(SpokeEventPatterns.autoScalingApiCalls(),
                SpokeEventPatterns.eksApiCalls())) {
            JsonNode errorCode = JSON.readTree(pattern.json()).at("/detail/errorCode/0/exists");
            assertThat(errorCode.isBoolean()).as(pattern.name()).isTrue();
            assertThat(errorCode.booleanValue()).as(pattern.name()).isFalse();
        }
    }

    @Test
    void patternNamesAreUnique() {
        assertThat(SpokeEventPatterns.all()).extracting(SpokeEventPatterns.Pattern::name).doesNotHaveDuplicates();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
