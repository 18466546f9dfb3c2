package dev.offhours.core.source;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one {@code kind: Schedule} document; reports every problem of the file. */
final class ScheduleFileReader {

    private final FileProblems problems;
    private final String path;
    private final List<Located<String>> calendarRefs = new ArrayList<>();
    private final List<Located<String>> accountRefs = new ArrayList<>();

    private ScheduleFileReader(FileProblems problems) {
        this.problems = problems;
        this.path = problems.path();
    }

    static ScheduleDraft read(Node root, FileProblems problems) {
        return new ScheduleFileReader(problems).read(root);
    }

    private ScheduleDraft read(Node rootNode) {
        int before = problems.count();
        Optional<MappingFields> root = MappingFields.read(rootNode, "", null, KnownFields.ROOT, problems);
        if (root.isEmpty()) {
            return new ScheduleDraft(path, Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        DocumentHeader.check(root.get(), "Schedule", "files under schedules/", problems);
        Optional<MappingFields> metadata = section(root.get(), "metadata", "metadata: {name: payments-dev, owner:"
                + " team-payments}", KnownFields.SCHEDULE_METADATA);
        Optional<Located<String>> name = metadata.flatMap(this::name);
        Optional<String> owner = metadata.flatMap(m -> m.required("owner", "owner: team-payments"))
                .flatMap(n -> Values.text(n, "metadata.owner", "'team-payments'", problems));
        Optional<String> description = metadata.flatMap(m -> m.optional("description"))
                .flatMap(n -> Values.freeText(n, "metadata.description", problems));
        Optional<MappingFields> spec = section(root.get(), "spec", "spec: {timeZone: Europe/Berlin, awake: [...]}",
                KnownFields.SCHEDULE_SPEC);
        Optional<Schedule> schedule = spec.flatMap(s -> spec(s, name, owner, description));
        return new ScheduleDraft(path, name, List.copyOf(calendarRefs), List.copyOf(accountRefs),
                problems.count() == before ? schedule : Optional.empty());
    }

    private Optional<MappingFields> section(MappingFields parent, String field, String example, List<String> known) {
        Optional<Node> node = parent.required(field, example);
        return node.flatMap(n -> MappingFields.read(n, field, parent.keyMark(field), known, problems));
    }

    private Optional<Located<String>> name(MappingFields metadata) {
        Optional<Node> node = metadata.required("name", "name: payments-dev");
        Optional<Located<String>> name = node.flatMap(n -> Syntax.name(n, "metadata.name", "payments-dev", problems))
                .map(value -> new Located<>(value, node.get()));
        name.ifPresent(n -> DocumentHeader.checkFileName(n, path, problems));
        return name;
    }

    private Optional<Schedule> spec(MappingFields spec, Optional<Located<String>> name, Optional<String> owner,
            Optional<String> description) {
        Optional<ZoneId> zone = spec.required("timeZone", "timeZone: Europe/Berlin").flatMap(this::timeZone);
        Optional<List<AwakePeriod>> awake = spec.required("awake", "awake: [{days: Mon-Fri, from: \"07:30\", to:"
                + " \"19:00\"}]").flatMap(n -> AwakePeriods.read(n, "spec.awake", problems));
        List<String> calendars = spec.optional("calendars").map(n -> texts(n, "spec.calendars", "[de-by]", "'de-by'",
                calendarRefs)).orElse(List.of());
        List<LocalDate> sleepOn = spec.optional("sleepOn").map(n -> items(n, "spec.sleepOn",
                "[\"2026-12-24\", \"2026-12-28..2027-01-01\"]", (item, itemPath) -> Syntax.dates(item, itemPath,
                problems))).orElse(List.<List<LocalDate>>of()).stream().flatMap(List::stream).distinct().toList();
        List<KeepAwake> keepAwake = spec.optional("keepAwake").map(n -> items(n, "spec.keepAwake",
                "[{until: \"2026-11-28T02:00:00+01:00\", reason: release night}]",
                (item, itemPath) -> KeepAwakeReader.read(item, itemPath, problems))).orElse(List.of());
        boolean suspend = spec.optional("suspend").flatMap(n -> Values.bool(n, "spec.suspend", problems))
                .orElse(false);
        boolean enforce = spec.optional("enforce").flatMap(n -> Values.bool(n, "spec.enforce", problems))
                .orElse(false);
        Scope scope = spec.optional("scope").map(this::scope).orElse(Scope.EVERYWHERE);
        AsleepCapacity asleep = spec.optional("asleep").flatMap(n -> AsleepReader.read(n, problems))
                .orElse(AsleepCapacity.ZERO);
        Duration warmUp = spec.optional("warmUp").flatMap(n -> WarmUp.read(n, problems)).orElse(Duration.ZERO);
        if (name.isEmpty() || owner.isEmpty() || zone.isEmpty() || awake.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(name.get().value(), owner.get(), description.orElse(""), zone.get(),
                awake.get(), calendars, sleepOn, keepAwake, suspend, enforce, scope, asleep, path, warmUp));
    }

    private Optional<ZoneId> timeZone(Node node) {
        Optional<String> id = Values.text(node, "spec.timeZone", "'Europe/Berlin'", problems);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = TimeZones.zone(id.get());
        if (zone.isEmpty()) {
            problems.at(node, "spec.timeZone '" + id.get() + "' is not a valid time zone; "
                    + TimeZones.advice(id.get()));
        }
        return zone;
    }

    private Scope scope(Node node) {
        Optional<MappingFields> fields = MappingFields.read(node, "spec.scope", null, KnownFields.SCOPE, problems);
        if (fields.isEmpty()) {
            return Scope.EVERYWHERE;
        }
        List<String> accounts = fields.get().optional("accounts").map(n -> texts(n, "spec.scope.accounts",
                "[dev-payments, \"group:dev\"]", "'dev-payments'", accountRefs)).orElse(List.of());
        List<String> regions = fields.get().optional("regions").map(n -> items(n, "spec.scope.regions",
                "[eu-central-1]", (item, itemPath) -> Syntax.region(item, itemPath, problems))).orElse(List.of());
        return new Scope(accounts, regions);
    }

    /** Texts of a list, each also remembered with its node for the checks across files. */
    private List<String> texts(Node node, String listPath, String example, String itemExample,
            List<Located<String>> refs) {
        return items(node, listPath, example, (item, itemPath) -> {
            Optional<String> text = Values.text(item, itemPath, itemExample, problems);
            text.ifPresent(t -> refs.add(new Located<>(t, item)));
            return text;
        });
    }

    interface ItemReader<T> {
        Optional<T> read(Node item, String itemPath);
    }

    private <T> List<T> items(Node node, String listPath, String example, ItemReader<T> reader) {
        List<T> values = new ArrayList<>();
        List<Node> items = Values.list(node, listPath, example, problems).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), listPath + "[" + i + "]").ifPresent(values::add);
        }
        return values;
    }
}
