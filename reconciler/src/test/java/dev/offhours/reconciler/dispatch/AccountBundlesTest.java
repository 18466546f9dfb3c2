package dev.offhours.reconciler.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.reconciler.dispatch.AccountBundles.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountBundlesTest {

    private static final Instant AT = Instant.parse("2026-03-02T18:00:00Z");
    private static final WorkItemCodec CODEC = new WorkItemCodec();

    /** One item per account given, in that order, each with {@code notice} when not null. */
    private static List<WorkItem> items(String notice, String... accountsInOrder) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < accountsInOrder.length; i++) {
            WorkItem item = WorkItem.of("web", AT, Action.SLEEP, Target.asg(accountsInOrder[i], "eu-west-1", "asg-" + i),
                    AsleepCapacity.ZERO, "main@sha1:abc", null);
            items.add(notice == null ? item : item.withNotice(notice));
        }
        return items;
    }

    private static String[] repeat(String account, int times) {
        return Stream.generate(() -> account).limit(times).toArray(String[]::new);
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    static Stream<Arguments> shapes() {
        String a = "111111111111";
        String b = "222222222222";
        String c = "333333333333";
        String hugeNotice = "é".repeat(60 * 1024); // about 120 KB of UTF-8: too large to share a bundle
        return Stream.of(
                Arguments.of("one account's 250 items", items(null, repeat(a, 250)), List.of(100, 100, 50)),
                Arguments.of("101 items: the one left over goes plain", items(null, repeat(a, 101)), List.of(100, 1)),
                Arguments.of("one item in each of three accounts", items(null, a, b, c), List.of(1, 1, 1)),
                Arguments.of("accounts taking turns, in first-seen order", items(null, b, a, b, a, c, b),
                        List.of(3, 2, 1)),
                Arguments.of("items of 5 KB: a bundle is full by its bytes", items("n".repeat(5_000), repeat(a, 40)),
                        List.of(19, 19, 2)),
                Arguments.of("an item larger than a bundle goes alone",
                        List.of(items(null, a).get(0), items(hugeNotice, a).get(0), items(null, a).get(0)),
                        List.of(1, 1, 1)),
                Arguments.of("nothing to send", items(null), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachMessageCarriesItemsOfOneAccountInTheirOrderWithinTheBundleLimits(String name, List<WorkItem> items,
                                                                              List<Integer> expected) {
        List<Message> messages = AccountBundles.of(items, CODEC);

        assertThat(messages).extracting(Message::items).containsExactlyElementsOf(expected);
        List<WorkItem> carried = new ArrayList<>();
        for (Message message : messages) {
            List<WorkItem> inMessage = CODEC.itemBodies(message.body()).stream().map(CODEC::decode).toList();
            assertThat(inMessage).hasSize(message.items())
                    .allSatisfy(item -> assertThat(item.target().account()).isEqualTo(message.account()));
            if (message.items() == 1) {
                assertThat(message.body()).as("a lone item is sent plain").isEqualTo(CODEC.encode(inMessage.get(0)));
            } else {
                assertThat(message.body().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(WorkItemCodec.MAX_BUNDLE_BYTES);
            }
            carried.addAll(inMessage);
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(items);
        for (String account : items.stream().map(i -> i.target().account()).distinct().toList()) {
            assertThat(carried.stream().filter(i -> i.target().account().equals(account)))
                    .containsExactlyElementsOf(items.stream().filter(i -> i.target().account().equals(account)).toList());
        }
    }
}
