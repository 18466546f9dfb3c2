package dev.offhours.reconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.offhours.core.plan.ChangeKind;
import dev.offhours.core.plan.Forecast;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.plan.NameChanges;
import dev.offhours.core.plan.Plan;
import dev.offhours.core.plan.ScheduleChange;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.reconciler.git.GitRevision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A plan as JSON, for tools. Instants of transitions carry the offset of their schedule's zone. */
final class PlanJson {

    private PlanJson() {
    }

    static String render(PlanReport report, Instant now) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("base", revision(report.base(), report.baseResult()));
        root.put("head", revision(report.head(), report.headResult()));
        root.put("now", now.toString());
        report.plan().ifPresent(plan -> plan(root, plan));
        return CliJson.write(root);
    }

    private static Map<String, Object> revision(GitRevision revision, RepositoryReadResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", revision.label());
        json.put("commit", revision.commitId());
        json.put("valid", result.valid());
        json.put("problems", result.problems().stream().map(PlanJson::problem).toList());
        return json;
    }

    /** A tool reads the location as fields; line and column are 0 when the problem is about the whole file. */
    private static Map<String, Object> problem(Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", problem.path());
        json.put("line", problem.line());
        json.put("column", problem.column());
        json.put("message", problem.message());
        return json;
    }

    private static void plan(Map<String, Object> root, Plan plan) {
        root.put("until", plan.end().toString());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (ChangeKind kind : ChangeKind.values()) {
            summary.put(kind.name().toLowerCase(Locale.ROOT), plan.changes(kind).size());
        }
        summary.put("unchanged", plan.unchanged());
        root.put("summary", summary);
        root.put("schedules", plan.changes().stream().map(PlanJson::change).toList());
        root.put("calendars", names(plan.calendars()));
        root.put("accounts", names(plan.accounts()));
    }

    private static Map<String, Object> change(ScheduleChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", change.name());
        json.put("change", change.kind().name());
        json.put("file", change.file());
        json.put("changedFields", change.changedFields());
        json.put("changedCalendars", change.changedCalendars());
        json.put("before", change.before().map(PlanJson::forecast).orElse(null));
        json.put("after", change.after().map(PlanJson::forecast).orElse(null));
        return json;
    }

    private static Map<String, Object> forecast(Forecast forecast) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timeZone", forecast.timeZone().getId());
        json.put("stateNow", forecast.stateAtStart().name());
        json.put("suspended", forecast.suspended());
        if (!forecast.warmUp().isZero()) {
            json.put("warmUpMinutes", forecast.warmUp().toMinutes());
        }
        json.put("keptAwakeUntil", forecast.keptAwakeUntil().map(u -> TimeFormats.iso(u, forecast.timeZone()))
                .orElse(null));
        json.put("transitions", forecast.transitions().stream().map(t -> {
            Map<String, Object> transition = new LinkedHashMap<>();
            transition.put("at", TimeFormats.iso(t.at(), forecast.timeZone()));
            transition.put("state", t.state().name());
            if (t.state() == PowerState.AWAKE) {
                transition.put("capacityPercent", t.capacityPercent());
            }
            return transition;
        }).toList());
        return json;
    }

    private static Map<String, Object> names(NameChanges changes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("added", changes.added());
        json.put("changed", changes.changed());
        json.put("removed", changes.removed());
        return json;
    }
}
