package dev.offhours.reconciler.quota;

import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.quota.QuotaNeed;
import java.time.Instant;
import java.util.List;

/**
 * The pre-flight of one wake wave in one account and region.
 *
 * @param since      the wake intent's instant
 * @param refused    targets left asleep ({@link OnBreach#WAKE_IN_PRIORITY_ORDER})
 * @param unmeasured targets whose instance types or vCPUs could not be read
 */
public record QuotaFinding(String schedule, Instant since, String account, String region, Instant checkedAt,
                           OnBreach onBreach, List<QuotaNeed> needs, int targets, int refused, int unmeasured) {

    public QuotaFinding {
        needs = List.copyOf(needs);
    }

    public List<QuotaNeed> breaches() {
        return needs.stream().filter(QuotaNeed::breached).toList();
    }

    public boolean breached() {
        return !breaches().isEmpty();
    }

    /** One line a person reads on the dashboard, in the log and in the API. */
    public String summary() {
        String where = "wake of " + schedule + " in " + account + "/" + region + ": ";
        if (!breached()) {
            return where + targets + " targets fit every vCPU quota"
                    + (unmeasured > 0 ? " (" + unmeasured + " could not be measured)" : "");
        }
        String breaches = String.join("; ", breaches().stream().map(QuotaNeed::describe).toList());
        String outcome = onBreach == OnBreach.WARN ? "the whole wave was sent (quota.onBreach: warn)"
                : refused + " of " + targets + " targets stay asleep, FAILED QuotaExceeded (quota.onBreach: "
                        + "wakeInPriorityOrder)";
        return where + breaches + "; " + outcome;
    }
}
