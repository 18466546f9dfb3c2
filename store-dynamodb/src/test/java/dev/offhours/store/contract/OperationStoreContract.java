package dev.offhours.store.contract;

import static dev.offhours.store.contract.Fixtures.T0;
import static dev.offhours.store.contract.Fixtures.allPages;
import static dev.offhours.store.contract.Fixtures.flatten;
import static dev.offhours.store.contract.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every {@link OperationStore} with its {@link OperationHistory} must do; subclasses bind it to one adapter. */
public abstract class OperationStoreContract {

    protected abstract OperationStore store();

    protected abstract OperationHistory history();

    private static final String TARGET = "111111111111#eu-central-1#asg#web";

    @Test
    void aRecordIsWrittenOnceAndReadsBack() {
        OperationRecord done = record("payments-dev", T0, TARGET, OperationStatus.SUCCEEDED, T0.plusSeconds(1));

        assertThat(store().save(done)).isTrue();
        assertThat(store().save(done)).as("a redelivered work item records nothing twice").isFalse();

        assertThat(store().find(done.key())).contains(done);
        assertThat(history().byTransition("payments-dev", T0, null, 10).items()).containsExactly(done);
        assertThat(history().latest(T0, T0.plusSeconds(60), null, 10).items()).containsExactly(done);
    }

    @ParameterizedTest(name = "{0} -> {1}: written {2}")
    @CsvSource({
            "IN_PROGRESS, IN_PROGRESS, true", "IN_PROGRESS, SUCCEEDED, true", "IN_PROGRESS, FAILED, true",
            "FAILED, SUCCEEDED, true", "FAILED, SKIPPED, true", "FAILED, IN_PROGRESS, false", "FAILED, FAILED, false",
            "SUCCEEDED, IN_PROGRESS, false", "SUCCEEDED, FAILED, false", "SKIPPED, SUCCEEDED, false"})
    void aFinalStatusIsNeverRegressed(OperationStatus first, OperationStatus next, boolean written) {
        store().save(record("payments-dev", T0, TARGET, first, T0.plusSeconds(1)));

        assertThat(store().save(record("payments-dev", T0, TARGET, next, T0.plusSeconds(1)))).isEqualTo(written);

        OperationStatus expected = written ? next : first;
        assertThat(store().find(new OperationRecord.Key("payments-dev", T0, TARGET)).orElseThrow().status()).isEqualTo(expected);
        assertThat(history().failures(T0, T0.plusSeconds(60), null, 10).items())
                .extracting(OperationRecord::status).containsExactlyElementsOf(
                        expected == OperationStatus.FAILED ? List.of(OperationStatus.FAILED) : List.of());
        assertThat(history().latest(T0, T0.plusSeconds(60), null, 10).items()).hasSize(1);
    }

    @Test
    void latestListsNewestFirstAcrossDaysAndShardsPageByPage() {
        List<OperationRecord> all = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            // 37 targets over three UTC days, 2 h 7 min apart, one per target so they spread over the day shards
            Instant created = T0.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(127L * i)).plusMillis(i);
            OperationRecord r = record("payments-dev", created.minusSeconds(5), "111111111111#eu-central-1#asg#web-" + i,
                    i % 5 == 0 ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, created);
            all.add(r);
            store().save(r);
        }
        Instant from = T0.minus(Duration.ofDays(3));
        Instant to = T0.plus(Duration.ofDays(2));
        List<OperationRecord> newestFirst = all.stream().sorted(Comparator.comparing(OperationRecord::createdAt).reversed()).toList();

        List<Page<OperationRecord>> pages = allPages(c -> history().latest(from, to, c, 7), 7);

        assertThat(flatten(pages)).containsExactlyElementsOf(newestFirst);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.items()).hasSize(7));
        assertThat(flatten(allPages(c -> history().failures(from, to, c, 3), 3)))
                .containsExactlyElementsOf(newestFirst.stream().filter(r -> r.status() == OperationStatus.FAILED).toList());
        assertThat(history().latest(from, to, null, 50).items()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void latestKeepsToItsWindowFromInclusiveToExclusive() {
        OperationRecord atFrom = record("s", T0, TARGET + "-a", OperationStatus.SUCCEEDED, T0.plusSeconds(10));
        OperationRecord inside = record("s", T0, TARGET + "-b", OperationStatus.SUCCEEDED, T0.plusSeconds(20));
        OperationRecord atTo = record("s", T0, TARGET + "-c", OperationStatus.SUCCEEDED, T0.plusSeconds(30));
        List.of(atFrom, inside, atTo).forEach(store()::save);

        assertThat(history().latest(T0.plusSeconds(10), T0.plusSeconds(30), null, 10).items())
                .containsExactly(inside, atFrom);
        assertThat(history().latest(T0.plusSeconds(31), T0.plusSeconds(90), null, 10).items()).isEmpty();
        assertThatThrownBy(() -> history().latest(T0, T0, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from before to");
    }

    @Test
    void byTargetListsOneTargetsRecordsNewestFirst() {
        List<OperationRecord> mine = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            Instant transition = T0.plus(Duration.ofDays(day));
            OperationRecord r = record("payments-dev", transition, TARGET, OperationStatus.SUCCEEDED, transition.plusSeconds(2));
            mine.add(0, r);
            store().save(r);
            store().save(record("payments-dev", transition, TARGET + "-other", OperationStatus.SUCCEEDED, transition.plusSeconds(3)));
        }

        assertThat(flatten(allPages(c -> history().byTarget(TARGET, c, 2), 2))).containsExactlyElementsOf(mine);
        assertThat(store().byTarget(TARGET, 3)).containsExactlyElementsOf(mine.subList(0, 3));
    }

    @Test
    void byTransitionListsOneTransitionsRecordsInTargetKeyOrder() {
        for (String name : List.of("c", "a", "b")) {
            store().save(record("payments-dev", T0, TARGET + "-" + name, OperationStatus.SUCCEEDED, T0.plusSeconds(1)));
        }
        store().save(record("payments-dev", T0.plusSeconds(1), TARGET + "-z", OperationStatus.SUCCEEDED, T0.plusSeconds(1)));

        assertThat(flatten(allPages(c -> history().byTransition("payments-dev", T0, c, 2), 2)))
                .extracting(OperationRecord::targetKey).containsExactly(TARGET + "-a", TARGET + "-b", TARGET + "-c");
    }
}
