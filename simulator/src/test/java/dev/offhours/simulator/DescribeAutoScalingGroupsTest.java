package dev.offhours.simulator;

import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;

/** Tag filters, name filters and pagination of DescribeAutoScalingGroups, and DescribeTags. */
class DescribeAutoScalingGroupsTest {
    private final SimulatedFleet fleet = Spokes.small(Spokes.manualTime())
            .asgsPerAccountRegion(5).untaggedAsgsPerAccountRegion(2).schedules("payments-dev", "search-dev").build();
    private final AutoScalingClient client =
            fleet.autoScaling(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("tag-key", List.of("offhours.dev/schedule"),
                        List.of("asg-001", "asg-002", "asg-003", "asg-004", "asg-005")),
                Arguments.of("tag:offhours.dev/schedule", List.of("payments-dev"), List.of("asg-001", "asg-003", "asg-005")),
                Arguments.of("tag:offhours.dev/schedule", List.of("search-dev", "other"), List.of("asg-002", "asg-004")),
                Arguments.of("tag-value", List.of("search-dev"), List.of("asg-002", "asg-004")),
                Arguments.of("tag:offhours.dev/schedule", List.of("nobody"), List.of()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("filters")
    void tagFiltersSelectGroups(String name, List<String> values, List<String> expected) {
        var groups = client.describeAutoScalingGroups(r -> r.filters(Filter.builder().name(name).values(values).build()))
                .autoScalingGroups();

        assertThat(groups).extracting(AutoScalingGroup::autoScalingGroupName).containsExactlyElementsOf(expected);
    }

    @Test
    void namesAndFiltersCombine() {
        var groups = client.describeAutoScalingGroups(r -> r.autoScalingGroupNames("asg-001", "asg-002", "unmanaged-001")
                .filters(f -> f.name("tag-key").values("offhours.dev/schedule"))).autoScalingGroups();

        assertThat(groups).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("asg-001", "asg-002");
        assertThat(groups.get(0).minSize()).isBetween(1, 3);
        assertThat(groups.get(0).maxSize()).isEqualTo(10);
        assertThat(groups.get(0).tags()).anySatisfy(t -> assertThat(t.key()).isEqualTo("offhours.dev/schedule"));
    }

    @Test
    void pagesCoverEveryGroupOnce() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeAutoScalingGroupsResponse page = client.describeAutoScalingGroups(r -> r.maxRecords(3).nextToken(next));
            page.autoScalingGroups().forEach(g -> names.add(g.autoScalingGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(7).doesNotHaveDuplicates();
        assertThat(client.describeAutoScalingGroupsPaginator(r -> r.maxRecords(2)).autoScalingGroups()).hasSize(7);
    }

    @Test
    void badTokensPageSizesAndFilterNamesAreRejected() {
        assertThatThrownBy(() -> client.describeAutoScalingGroups(r -> r.nextToken("garbage")))
                .isInstanceOfSatisfying(InvalidNextTokenException.class, e -> assertError(e, "InvalidNextToken", 400));
        assertThatThrownBy(() -> client.describeAutoScalingGroups(r -> r.maxRecords(101)))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "ValidationError", 400));
        assertThatThrownBy(() -> client.describeAutoScalingGroups(r -> r.filters(f -> f.name("instance-type").values("x"))))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> assertError(e, "ValidationError", 400));
    }

    @Test
    void describeTagsFiltersByGroupAndKeyAndDeleteTagsRemoves() {
        client.deleteTags(r -> r.tags(t -> t.resourceId("asg-002").resourceType("auto-scaling-group")
                .key("offhours.dev/schedule")));

        var tags = client.describeTags(r -> r.filters(f -> f.name("key").values("offhours.dev/schedule"))).tags();

        assertThat(tags).extracting(t -> t.resourceId()).containsExactly("asg-001", "asg-003", "asg-004", "asg-005");
        assertThat(client.describeTags(r -> r.filters(f -> f.name("auto-scaling-group").values("asg-002"))).tags())
                .isEmpty();
    }
}
