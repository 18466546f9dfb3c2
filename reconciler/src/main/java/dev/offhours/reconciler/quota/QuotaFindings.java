package dev.offhours.reconciler.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest pre-flight of each schedule in each account and region, as this replica ran it, for the status API,
 * the dashboard and the gauges; a finding is shown for {@link #SHOWN_FOR} after its check. The operation records
 * of the affected targets are the durable, shared account of the same.
 */
public final class QuotaFindings {

    /** How long a finding stays on the dashboard and in {@code /v1/accounts}: until the next working day's wave. */
    public static final Duration SHOWN_FOR = Duration.ofHours(24);

    private record Key(String schedule, String account, String region) {
    }

    private final ConcurrentMap<Key, QuotaFinding> latest = new ConcurrentHashMap<>();
    private final Clock clock;

    public QuotaFindings(Clock clock) {
        this.clock = clock;
    }

    public void record(QuotaFinding finding) {
        latest.put(new Key(finding.schedule(), finding.account(), finding.region()), finding);
    }

    /** Current findings, newest first. */
    public List<QuotaFinding> current() {
        var oldest = clock.instant().minus(SHOWN_FOR);
        latest.values().removeIf(finding -> finding.checkedAt().isBefore(oldest));
        return latest.values().stream().sorted(Comparator.comparing(QuotaFinding::checkedAt).reversed()
                .thenComparing(QuotaFinding::schedule)).toList();
    }

    public List<QuotaFinding> forAccount(String account, String region) {
        return current().stream().filter(f -> f.account().equals(account) && f.region().equals(region)).toList();
    }

    public List<QuotaFinding> forSchedule(String schedule) {
        return current().stream().filter(f -> f.schedule().equals(schedule)).toList();
    }

    /** Quotas (per schedule, account and region) the latest waves would breach: the gauge's value. */
    public int breaches() {
        return current().stream().mapToInt(f -> f.breaches().size()).sum();
    }

    /** Targets the latest waves left asleep because of a quota. */
    public int refusedTargets() {
        return current().stream().mapToInt(QuotaFinding::refused).sum();
    }
}
