package dev.offhours.core.source;

import dev.offhours.core.calendar.PublicHolidays;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.NamedDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one {@code kind: Calendar} document: {@code metadata: {name, description?}, spec: {country?, subdivision?,
 * dates?: [{date, name}]}}, where a date may be an inclusive range {@code 2026-12-24..2027-01-01}. The country and subdivision must be known to the holiday library.
 */
final class CalendarFileReader {

    private final FileProblems problems;
    private final PublicHolidays publicHolidays;

    private CalendarFileReader(FileProblems problems, PublicHolidays publicHolidays) {
        this.problems = problems;
        this.publicHolidays = publicHolidays;
    }

    static CalendarDraft read(Node root, FileProblems problems, PublicHolidays publicHolidays) {
        return new CalendarFileReader(problems, publicHolidays).read(root);
    }

    private CalendarDraft read(Node rootNode) {
        String path = problems.path();
        int before = problems.count();
        Optional<MappingFields> root = MappingFields.read(rootNode, "", null, KnownFields.ROOT, problems);
        if (root.isEmpty()) {
            return new CalendarDraft(path, Optional.empty(), Optional.empty());
        }
        DocumentHeader.check(root.get(), "Calendar", "files under calendars/", problems);
        Optional<MappingFields> metadata = root.get().required("metadata", "metadata: {name: de-by}")
                .flatMap(n -> MappingFields.read(n, "metadata", root.get().keyMark("metadata"),
                        KnownFields.CALENDAR_METADATA, problems));
        Optional<Node> nameNode = metadata.flatMap(m -> m.required("name", "name: de-by"));
        Optional<Located<String>> name = nameNode.flatMap(n -> Syntax.name(n, "metadata.name", "de-by", problems))
                .map(value -> new Located<>(value, nameNode.get()));
        name.ifPresent(n -> DocumentHeader.checkFileName(n, path, problems));
        String description = metadata.flatMap(m -> m.optional("description"))
                .flatMap(n -> Values.freeText(n, "metadata.description", problems)).orElse("");
        Optional<MappingFields> spec = root.get().required("spec", "spec: {country: de, subdivision: by}")
                .flatMap(n -> MappingFields.read(n, "spec", root.get().keyMark("spec"), KnownFields.CALENDAR_SPEC,
                        problems));
        Optional<HolidayCalendar> calendar = spec.flatMap(s -> spec(s, name, description, path));
        return new CalendarDraft(path, name, problems.count() == before ? calendar : Optional.empty());
    }

    private Optional<HolidayCalendar> spec(MappingFields spec, Optional<Located<String>> name, String description,
            String path) {
        Optional<String> country = spec.optional("country").flatMap(this::country);
        Optional<Node> subdivisionNode = spec.optional("subdivision");
        Optional<String> subdivision = subdivisionNode.flatMap(n -> subdivision(n, country, spec));
        List<NamedDate> dates = spec.optional("dates").map(this::dates).orElse(List.of());
        if (spec.optional("country").isEmpty() && spec.optional("dates").isEmpty()) {
            problems.at(spec.keyMark("spec"), "spec needs 'country' (public holidays), 'dates' (listed days) or both;"
                    + " add for example 'country: de'");
        }
        return name.map(n -> new HolidayCalendar(n.value(), description, dates, country, subdivision, path));
    }

    private Optional<String> country(Node node) {
        Optional<String> code = Values.text(node, "spec.country", "'de'", problems)
                .map(c -> c.toLowerCase(Locale.ROOT));
        if (code.isPresent() && !publicHolidays.countries().contains(code.get())) {
            problems.at(node, "spec.country '" + code.get() + "' is not a country the holiday library knows; use an"
                    + " ISO 3166-1 alpha-2 code such as 'de', 'us' or 'gb'");
            return Optional.empty();
        }
        return code;
    }

    private Optional<String> subdivision(Node node, Optional<String> country, MappingFields spec) {
        Optional<String> code = Values.text(node, "spec.subdivision", "'by'", problems)
                .map(c -> c.toLowerCase(Locale.ROOT));
        if (code.isEmpty()) {
            return code;
        }
        if (spec.optional("country").isEmpty()) {
            problems.at(node, "spec.subdivision needs spec.country; add the country it belongs to, e.g. 'country: de'");
            return Optional.empty();
        }
        if (country.isEmpty()) {
            return Optional.empty(); // the country is already reported
        }
        List<String> known = List.copyOf(publicHolidays.subdivisions(country.get()));
        if (!known.contains(code.get())) {
            problems.at(node, "spec.subdivision '" + code.get() + "' is not a subdivision of '" + country.get() + "';"
                    + (known.isEmpty() ? " this country has none, remove it" : " use one of: "
                    + String.join(", ", known)));
            return Optional.empty();
        }
        return code;
    }

    private List<NamedDate> dates(Node node) {
        List<NamedDate> dates = new ArrayList<>();
        List<Node> items = Values.list(node, "spec.dates", "[{date: \"2026-12-24\", name: Christmas Eve}]", problems)
                .orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = "spec.dates[" + i + "]";
            MappingFields.read(items.get(i), path, null, KnownFields.NAMED_DATE, problems).ifPresent(f -> {
                Optional<List<LocalDate>> days = f.required("date", "date: \"2026-12-24\"")
                        .flatMap(n -> Syntax.dates(n, f.pathOf("date"), problems));
                Optional<String> dateName = f.required("name", "name: Christmas Eve")
                        .flatMap(n -> Values.text(n, f.pathOf("name"), "'Christmas Eve'", problems));
                if (days.isPresent() && dateName.isPresent()) {
                    days.get().forEach(day -> dates.add(new NamedDate(day, dateName.get())));
                }
            });
        }
        return dates;
    }
}
