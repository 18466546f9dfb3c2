package dev.offhours.core.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small valid repository to start from; tests replace one piece of text to make one thing wrong. */
final class Repos {

    static final String SCHEDULE_PATH = "schedules/payments/payments-dev.yaml";
    static final String CALENDAR_PATH = "calendars/de-by.yaml";
    static final String ACCOUNTS_PATH = "accounts.yaml";

    static final String SCHEDULE = """
            apiVersion: offhours.dev/v1
            kind: Schedule
            metadata:
              name: payments-dev
              owner: team-payments
              description: Dev capacity of the payments team
            spec:
              timeZone: Europe/Berlin
              awake:
                - days: Mon-Fri
                  from: "07:30"
                  to: "19:00"
                - days: Sat
                  from: "22:00"
                  to: "02:00"
              calendars: [de-by]
              sleepOn: ["2026-12-24"]
              keepAwake:
                - until: "2026-11-28T02:00:00+01:00"
                  reason: release night
              suspend: false
              enforce: false
              scope:
                accounts: [dev-payments, "group:dev"]
                regions: [eu-central-1]
              asleep: {min: 0, desired: 0}
            """;

    static final String CALENDAR = """
            apiVersion: offhours.dev/v1
            kind: Calendar
            metadata:
              name: de-by
              description: Public holidays in Bavaria, plus the company's days off
            spec:
              country: de
              subdivision: by
              dates:
                - date: "2026-12-24"
                  name: Christmas Eve
                - date: "2026-12-31"
                  name: New Year's Eve
            """;

    static final String ACCOUNTS = """
            apiVersion: offhours.dev/v1
            kind: AccountRegistry
            spec:
              accounts:
                - id: "012345678901"
                  alias: dev-payments
                  regions: [eu-central-1]
                  groups: [dev]
                - id: "123456789012"
                  alias: prod-payments
                  regions: [eu-central-1, eu-west-1]
                  groups: [prod]
            """;

    private Repos() {
    }

    static Map<String, String> valid() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SCHEDULE_PATH, SCHEDULE);
        files.put(CALENDAR_PATH, CALENDAR);
        files.put(ACCOUNTS_PATH, ACCOUNTS);
        files.put("README.md", "# our schedules\n");
        return files;
    }

    static List<SourceFile> files(Map<String, String> files) {
        List<SourceFile> list = new ArrayList<>();
        files.forEach((path, content) -> list.add(new SourceFile(path, content)));
        return list;
    }

    static RepositoryReadResult read(Map<String, String> files) {
        return new RepositoryReader().read(files(files));
    }

    /** The valid repository with the first occurrence of {@code from} in {@code path} replaced. */
    static Map<String, String> with(String path, String from, String to) {
        Map<String, String> files = valid();
        String content = files.get(path);
        int at = content.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("'" + from + "' is not in " + path);
        }
        files.put(path, content.substring(0, at) + to + content.substring(at + from.length()));
        return files;
    }
}
