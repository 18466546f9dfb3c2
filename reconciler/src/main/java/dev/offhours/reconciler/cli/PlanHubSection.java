package dev.offhours.reconciler.cli;

import dev.offhours.core.plan.Plan;
import dev.offhours.core.plan.ScheduleChange;

import java.util.Locale;
import java.util.Map;

/** The part of {@code plan --hub-url} that asks the hub how many targets each changed schedule binds today. */
final class PlanHubSection {

    private PlanHubSection() {
    }

    static String markdown(Plan plan, HubClient hub, String hubUrl) {
        StringBuilder text = new StringBuilder();
        text.append("\n### Targets bound today (from the hub at ").append(hubUrl).append(")\n\n");
        if (plan.changes().isEmpty()) {
            return text.append("No schedule changes, so no targets affected.\n").toString();
        }
        text.append("| schedule | change | account | targets |\n|---|---|---|---:|\n");
        for (ScheduleChange change : plan.changes()) {
            Map<String, Integer> perAccount = hub.targetsPerAccount(change.name());
            String kind = change.kind().name().toLowerCase(Locale.ROOT);
            if (perAccount.isEmpty()) {
                text.append("| ").append(change.name()).append(" | ").append(kind).append(" | none | 0 |\n");
            }
            perAccount.forEach((account, count) -> text.append("| ").append(change.name()).append(" | ").append(kind)
                    .append(" | ").append(account).append(" | ").append(count).append(" |\n"));
        }
        return text.toString();
    }
}
