package dev.offhours.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.schedule.AsleepCapacity;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkItemCodecTest {

    private static final Instant T = Instant.parse("2026-03-02T17:00:00Z");
    private final WorkItemCodec codec = new WorkItemCodec();

    static Stream<WorkItem> items() {
        return Stream.of(
                WorkItem.of("office-hours", T, Action.SLEEP, Target.asg("111111111111", "eu-west-1", "web"),
                        new AsleepCapacity(0, 0), "main@sha1:abc", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                WorkItem.of("late-shift", T, Action.WAKE,
                        Target.nodegroup("222222222222", "us-east-1", "prod", "ng-1"), new AsleepCapacity(1, 1),
                        "main@sha1:def", null),
                WorkItem.of("late-shift", T, Action.WAKE, Target.asg("222222222222", "us-east-1", "api"),
                        AsleepCapacity.ZERO, "main@sha1:def", null).withAttempt(7),
                WorkItem.atLevel("evenings", T, 30, Target.nodegroup("222222222222", "us-east-1", "prod", "ng-1"),
                        AsleepCapacity.ZERO, "main@sha1:def", null).withAttempt(2),
                WorkItem.of("office-hours", T, Action.WAKE, Target.asg("111111111111", "eu-west-1", "web"),
                        AsleepCapacity.ZERO, "main@sha1:abc", null)
                        .withNotice("quota warning in 111111111111/eu-west-1: the wave adds 64 vCPUs to L-1216C47A")
                        .withAttempt(2));
    }

    @Test
    void aResizeCarriesItsShareAndSleepAndWakeAreWrittenAsBefore() {
        WorkItem resize = WorkItem.atLevel("evenings", T, 30, Target.asg("111111111111", "eu-west-1", "web"),
                AsleepCapacity.ZERO, "main@sha1:abc", null);
        WorkItem wake = WorkItem.atLevel("evenings", T, 100, Target.asg("111111111111", "eu-west-1", "web"),
                AsleepCapacity.ZERO, "main@sha1:abc", null);

        assertThat(resize.action()).isEqualTo(Action.RESIZE);
        assertThat(codec.encode(resize)).contains("\"action\":\"RESIZE\"").contains("\"capacityPercent\":30");
        assertThat(wake.action()).isEqualTo(Action.WAKE);
        assertThat(codec.encode(wake)).doesNotContain("capacityPercent");
        assertThat(WorkItem.atLevel("evenings", T, 0, Target.asg("111111111111", "eu-west-1", "web"),
                AsleepCapacity.ZERO, "", null).action()).isEqualTo(Action.SLEEP);
    }

    @ParameterizedTest
    @MethodSource("items")
    void encodeThenDecodeGivesTheSameItem(WorkItem item) {
        assertThat(codec.decode(codec.encode(item))).isEqualTo(item);
    }

    @Test
    void readsTheDocumentedWireForm() {
        String body = """
                {"version":1,"schedule":"office-hours","transition":"2026-03-02T18:00:00+01:00","action":"SLEEP",
                 "target":{"account":"111111111111","region":"eu-west-1","kind":"eks-nodegroup","cluster":"c1","name":"ng1"},
                 "asleep":{"min":0,"desired":0},"revision":"main@sha1:abc","traceparent":"00-x-y-01","futureField":true}
                """;
        WorkItem item = codec.decode(body);
        assertThat(item.transition()).isEqualTo(T);
        assertThat(item.target().key()).isEqualTo("111111111111#eu-west-1#eks-nodegroup#c1/ng1");
        assertThat(item.action()).isEqualTo(Action.SLEEP);
    }

    @Test
    void aMessageWithoutAnAttemptIsTheFirstAndAFirstAttemptIsWrittenWithoutOne() {
        WorkItem first = codec.decode(codec.encode(items().findFirst().orElseThrow()));

        assertThat(first.attempt()).isEqualTo(1);
        assertThat(codec.encode(first)).doesNotContain("attempt");
    }

    @Test
    void theNextAttemptKeepsEveryOtherFieldAlsoUnknownOnes() {
        String body = "{\"version\":1,\"schedule\":\"s\",\"transition\":\"2026-03-02T17:00:00Z\","
                + "\"action\":\"SLEEP\",\"target\":{\"account\":\"1\",\"region\":\"r\",\"kind\":\"asg\","
                + "\"name\":\"n\"},\"futureField\":{\"x\":1}}";

        String second = codec.nextAttempt(body);
        String third = codec.nextAttempt(second);

        assertThat(codec.decode(second).attempt()).isEqualTo(2);
        assertThat(codec.decode(third)).isEqualTo(codec.decode(body).withAttempt(3));
        assertThat(third).contains("\"futureField\":{\"x\":1}");
    }

    @Test
    void targetKeysNameAccountRegionKindAndResource() {
        assertThat(Target.asg("1", "eu-west-1", "web").key()).isEqualTo("1#eu-west-1#asg#web");
        assertThat(Target.nodegroup("1", "eu-west-1", "c", "ng").key()).isEqualTo("1#eu-west-1#eks-nodegroup#c/ng");
    }

    static Stream<Arguments> malformed() {
        String target = "\"target\":{\"account\":\"1\",\"region\":\"r\",\"kind\":\"asg\",\"name\":\"n\"}";
        String base = "\"schedule\":\"s\",\"transition\":\"2026-03-02T17:00:00Z\",\"action\":\"SLEEP\"," + target;
        return Stream.of(
                Arguments.of("", "the message body is empty"),
                Arguments.of("not json", "not valid JSON"),
                Arguments.of("[1,2]", "expected a JSON object but got array"),
                Arguments.of("{" + base + "}", "field 'version' is missing; expected 1"),
                Arguments.of("{\"version\":\"1\"," + base + "}", "field 'version' must be the integer 1"),
                Arguments.of("{\"version\":2," + base + "}", "unknown work item version 2; this worker reads version 1 only"),
                Arguments.of("{\"version\":1," + base.replace("\"schedule\":\"s\",", "") + "}", "field 'schedule' is missing"),
                Arguments.of("{\"version\":1," + base.replace("SLEEP", "NAP") + "}", "field 'action' must be SLEEP, WAKE or RESIZE but was 'NAP'"),
                Arguments.of("{\"version\":1," + base.replace("2026-03-02T17:00:00Z", "tomorrow") + "}",
                        "field 'transition' must be an ISO-8601 instant"),
                Arguments.of("{\"version\":1," + base.replace("\"asg\"", "\"vm\"") + "}",
                        "unknown target kind 'vm'; valid kinds are asg, eks-nodegroup"),
                Arguments.of("{\"version\":1," + base.replace(",\"name\":\"n\"", "") + "}", "field 'target.name' is missing"),
                Arguments.of("{\"version\":1," + base.replace("\"asg\"", "\"eks-nodegroup\"") + "}",
                        "cluster (required for an eks-nodegroup target) must not be empty"),
                Arguments.of("{\"version\":1," + base + ",\"asleep\":{\"min\":-1,\"desired\":0}}",
                        "field 'asleep.min' must be a whole number >= 0 but was -1"),
                Arguments.of("{\"version\":1," + base + ",\"asleep\":{\"min\":2,\"desired\":1}}",
                        "asleep.min (2) must not exceed asleep.desired (1)"),
                Arguments.of("{\"version\":1," + base + ",\"attempt\":0}",
                        "field 'attempt' must be a whole number >= 1 but was 0"),
                Arguments.of("{\"version\":1," + base.replace("SLEEP", "RESIZE") + "}",
                        "a RESIZE needs capacityPercent 1 to 99 (100 is a WAKE), but was 0"),
                Arguments.of("{\"version\":1," + base.replace("SLEEP", "RESIZE") + ",\"capacityPercent\":100}",
                        "field 'capacityPercent' must be a whole number from 1 to 99 but was 100"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedMessagesWithAReason(String body, String reason) {
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedWorkItemException.class)
                .hasMessageContaining(reason);
    }
}
