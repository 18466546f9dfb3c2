package dev.offhours.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.offhours.core.schedule.AsleepCapacity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleCodecTest {

    private static final Instant T = Instant.parse("2026-03-02T17:00:00Z");
    private static final String PROD = "111111111111";
    private static final String DEV = "222222222222";
    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private final WorkItemCodec codec = new WorkItemCodec();

    /** One account's items as a transition sends them, with the fields only some items carry. */
    private static List<WorkItem> prodItems() {
        return List.of(
                WorkItem.of("office-hours", T, Action.SLEEP, Target.asg(PROD, "eu-west-1", "web"),
                        new AsleepCapacity(0, 1), "main@sha1:abc", TRACE),
                WorkItem.atLevel("evenings", T, 30, Target.nodegroup(PROD, "us-east-1", "prod", "ng-1"),
                        AsleepCapacity.ZERO, "main@sha1:abc", TRACE),
                WorkItem.of("office-hours", T, Action.WAKE, Target.asg(PROD, "eu-west-1", "api"),
                        AsleepCapacity.ZERO, "main@sha1:abc", null)
                        .withNotice("quota warning in 111111111111/eu-west-1: the wave adds 64 vCPUs to L-1216C47A")
                        .withAttempt(3));
    }

    @Test
    void aBundleCarriesEachItemExactlyAsItIsWrittenAloneAndReadsBackInOrder() {
        List<WorkItem> items = prodItems();

        String bundle = codec.encodeBundle(items);
        List<String> bodies = codec.itemBodies(bundle);

        assertThat(bundle).startsWith("{\"version\":1,\"items\":[").endsWith("]}");
        assertThat(bodies).containsExactlyElementsOf(items.stream().map(codec::encode).toList());
        assertThat(bodies.stream().map(codec::decode).toList()).containsExactlyElementsOf(items);
        assertThat(bodies.stream().map(codec::decode)).extracting(WorkItem::attempt, WorkItem::capacityPercent,
                        WorkItem::notice)
                .containsExactly(
                        tuple(1, 0, null),
                        tuple(1, 30, null),
                        tuple(3, 100, items.get(2).notice()));
    }

    @Test
    void aSingleItemIsItsOwnOnlyBodyAndRetriesOfABundledItemAreSingleItems() {
        String single = codec.encode(prodItems().get(0));
        String bundled = codec.itemBodies(codec.encodeBundle(prodItems())).get(2);

        assertThat(codec.itemBodies(single)).containsExactly(single);
        assertThat(codec.itemBodies(codec.nextAttempt(bundled))).singleElement()
                .satisfies(body -> assertThat(codec.decode(body)).isEqualTo(prodItems().get(2).withAttempt(4)));
    }

    @Test
    void aBundleOfOneIsABundleToo() {
        WorkItem item = prodItems().get(1);

        assertThat(codec.itemBodies(codec.encodeBundle(List.of(item)))).containsExactly(codec.encode(item));
    }

    static Stream<Arguments> refusedBundles() {
        WorkItem prod = prodItems().get(0);
        WorkItem dev = WorkItem.of("office-hours", T, Action.SLEEP, Target.asg(DEV, "eu-west-1", "web"),
                AsleepCapacity.ZERO, "main@sha1:abc", null);
        WorkItem other = WorkItem.of("office-hours", T, Action.SLEEP, Target.asg("333333333333", "eu-west-1", "web"),
                AsleepCapacity.ZERO, "main@sha1:abc", null);
        List<WorkItem> tooMany = IntStream.range(0, WorkItemCodec.MAX_BUNDLE_ITEMS + 1)
                .mapToObj(i -> WorkItem.of("office-hours", T, Action.SLEEP, Target.asg(PROD, "eu-west-1", "asg-" + i),
                        AsleepCapacity.ZERO, "main@sha1:abc", null)).toList();
        String longNotice = "x".repeat(60 * 1024);
        List<WorkItem> tooBig = List.of(prod.withNotice(longNotice), prod.withNotice(longNotice));
        return Stream.of(
                Arguments.of(List.of(), "a bundle needs at least one work item"),
                Arguments.of(List.of(prod, dev, prod),
                        "a bundle holds the work items of one account, but these name accounts 111111111111, 222222222222"),
                Arguments.of(List.of(other, dev, prod), "name accounts 111111111111, 222222222222, 333333333333"),
                Arguments.of(tooMany, "a bundle holds at most 100 work items, but 101 of account 111111111111"),
                Arguments.of(tooBig, "a bundle is at most 102400 bytes, but these 2 work items of account 111111111111"
                        + " take "));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedBundles")
    void refusesABundleThatIsEmptyMixesAccountsOrIsTooLarge(List<WorkItem> items, String reason) {
        assertThatThrownBy(() -> codec.encodeBundle(items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theLargestBundleFitsOneSqsMessage() {
        WorkItem longest = WorkItem.of("office-hours", T, Action.SLEEP,
                Target.nodegroup(PROD, "ap-southeast-3", "c".repeat(100), "n".repeat(63)), new AsleepCapacity(100, 100),
                "main@sha1:" + "f".repeat(40), TRACE).withAttempt(99);
        List<WorkItem> hundred = Collections.nCopies(WorkItemCodec.MAX_BUNDLE_ITEMS, longest);

        String bundle = codec.encodeBundle(hundred);

        assertThat(bundle.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(WorkItemCodec.MAX_BUNDLE_BYTES)
                .isEqualTo(WorkItemCodec.bundleBytes(hundred.size(),
                        (long) hundred.size() * codec.encode(longest).getBytes(StandardCharsets.UTF_8).length));
        assertThat(WorkItemCodec.MAX_BUNDLE_BYTES).isLessThan(256 * 1024 / 2); // two per SendMessageBatch request
    }

    static Stream<Arguments> notBundles() {
        String item = new WorkItemCodec().encode(prodItems().get(0));
        List<String> hundredOne = new ArrayList<>(Collections.nCopies(WorkItemCodec.MAX_BUNDLE_ITEMS + 1, item));
        return Stream.of(
                Arguments.of("", "the message body is empty"),
                Arguments.of("not json", "not valid JSON"),
                Arguments.of("[" + item + "]", "expected a JSON object but got array"),
                Arguments.of("{\"version\":1}", "field 'schedule' is missing"),
                Arguments.of("{\"version\":1,\"items\":{}}",
                        "a bundle of work items: 'items' must be an array of 1 to 100 work item objects but was object"),
                Arguments.of("{\"version\":1,\"items\":null}", "'items' must be an array of 1 to 100 work item objects"
                        + " but was null"),
                Arguments.of("{\"version\":1,\"items\":[]}", "a bundle of work items: 'items' must be an array of 1 to"
                        + " 100 work item objects but holds 0"),
                Arguments.of("{\"version\":1,\"items\":[" + item + ",\"web\"]}",
                        "a bundle of work items: 'items' must be an array of 1 to 100 work item objects but"
                                + " 'items[1]' is string"),
                Arguments.of("{\"version\":1,\"items\":[" + String.join(",", hundredOne) + "]}",
                        "'items' must be an array of 1 to 100 work item objects but holds 101"),
                Arguments.of("{\"version\":2,\"items\":[" + item + "]}",
                        "a bundle of work items has version 2; this worker reads version 1 only"),
                Arguments.of("{\"items\":[" + item + "]}", "a bundle of work items needs field 'version' 1"),
                Arguments.of("{\"version\":1,\"items\":[" + item + "]" + " ".repeat(256 * 1024) + "}",
                        "a message is at most 262144"));
    }

    /** A message that is not a well-formed bundle is one body, which decode refuses whole, saying why. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("notBundles")
    void aMalformedMessageIsOneBodyThatDecodeRefusesWithAReason(String body, String reason) {
        assertThat(codec.itemBodies(body)).containsExactly(body);
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedWorkItemException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aBundleHandedToDecodeSaysItIsOneAndHowToReadIt() {
        assertThatThrownBy(() -> codec.decode(codec.encodeBundle(prodItems())))
                .isInstanceOf(MalformedWorkItemException.class)
                .hasMessageContaining("the message is a bundle of 3 work items; each is read on its own");
    }

    @Test
    void anElementOfABundleIsCheckedLikeASingleItem() {
        String bundle = "{\"version\":1,\"items\":[" + codec.encode(prodItems().get(0)) + ",{\"version\":1}]}";

        List<String> bodies = codec.itemBodies(bundle);

        assertThat(bodies).hasSize(2);
        assertThat(codec.decode(bodies.get(0))).isEqualTo(prodItems().get(0));
        assertThatThrownBy(() -> codec.decode(bodies.get(1))).hasMessageContaining("field 'schedule' is missing");
    }
}
