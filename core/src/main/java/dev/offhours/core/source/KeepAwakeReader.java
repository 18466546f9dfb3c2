package dev.offhours.core.source;

import dev.offhours.core.schedule.KeepAwake;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one {@code spec.keepAwake} item; {@code until}, and the optional {@code from} of a planned window, must carry
 * their UTC offset so that each names one instant.
 */
final class KeepAwakeReader {

    private static final String EXAMPLE = "\"2026-11-28T02:00:00+01:00\"";

    private KeepAwakeReader() {
    }

    static Optional<KeepAwake> read(Node node, String path, FileProblems problems) {
        Optional<MappingFields> fields = MappingFields.read(node, path, null, KnownFields.KEEP_AWAKE, problems);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        MappingFields f = fields.get();
        Optional<Node> fromNode = f.optional("from");
        Optional<OffsetDateTime> from = fromNode.flatMap(n -> instant(n, f.pathOf("from"), problems));
        Optional<OffsetDateTime> until = f.required("until", "until: " + EXAMPLE)
                .flatMap(n -> instant(n, f.pathOf("until"), problems));
        Optional<String> reason = f.optional("reason").flatMap(n -> Values.freeText(n, f.pathOf("reason"), problems));
        if (until.isEmpty() || (fromNode.isPresent() && from.isEmpty())) {
            return Optional.empty();
        }
        if (from.isPresent() && !from.get().toInstant().isBefore(until.get().toInstant())) {
            problems.at(fromNode.get(), f.pathOf("from") + " '" + from.get() + "' is not before until '" + until.get()
                    + "'; a planned keepAwake window must end after it starts");
            return Optional.empty();
        }
        return Optional.of(new KeepAwake(from.map(OffsetDateTime::toInstant).orElse(null), until.get().toInstant(),
                reason.orElse("")));
    }

    private static Optional<OffsetDateTime> instant(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, EXAMPLE, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text.get())) {
                problems.at(node, path + " '" + text.get() + "' has no UTC offset; add one like '+01:00' or 'Z', e.g. '"
                        + text.get() + "+01:00'");
            } else {
                problems.at(node, path + " '" + text.get() + "' is not a date and time; use ISO-8601 with an offset,"
                        + " e.g. " + EXAMPLE);
            }
            return Optional.empty();
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
