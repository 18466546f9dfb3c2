package dev.offhours.bench;

import dev.offhours.core.source.SourceFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the YAML text of a large, varied and valid schedules repository: schedules spread over
 * teams, zones and shapes of week (office hours, long weekends, late and night shifts, split days, whole days),
 * calendars of public holidays and listed dates, and an {@code accounts.yaml} the scopes point into. Deterministic
 * for a seed, so two runs measure the same repository.
 */
final class ScheduleRepositoryGenerator {

    static final int ACCOUNTS = 300;
    private static final int TEAMS = 120;
    private static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "Europe/Paris",
            "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata",
            "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham",
            "Pacific/Auckland", "UTC");
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1", "us-west-2",
            "ap-south-1", "ap-southeast-2");
    private static final List<String> GROUPS = List.of("dev", "test", "staging", "sandbox");
    /** Calendars with public holidays: name, country, subdivision ("" for none). */
    private static final String[][] PUBLIC_CALENDARS = {
            {"de-by", "de", "by"}, {"de", "de", ""}, {"gb", "gb", ""}, {"fr", "fr", ""}, {"us", "us", ""},
            {"at", "at", ""}, {"nl", "nl", ""}, {"ch", "ch", ""}};
    private static final int LISTED_CALENDARS = 12;

    private final Random random;
    /** Every how many schedules one uses the newer parts of the language ({@link MonthlyShapes}); 0 for none. */
    private final int monthlyEvery;

    ScheduleRepositoryGenerator(long seed) {
        this(seed, 0);
    }

    ScheduleRepositoryGenerator(long seed, int monthlyEvery) {
        this.random = new Random(seed);
        this.monthlyEvery = monthlyEvery;
    }

    List<SourceFile> generate(int schedules) {
        List<SourceFile> files = new ArrayList<>(schedules + 32);
        files.add(new SourceFile("accounts.yaml", accounts()));
        for (String[] calendar : PUBLIC_CALENDARS) {
            files.add(new SourceFile("calendars/" + calendar[0] + ".yaml",
                    publicCalendar(calendar[0], calendar[1], calendar[2])));
        }
        for (int i = 0; i < LISTED_CALENDARS; i++) {
            files.add(new SourceFile("calendars/" + listedCalendarName(i) + ".yaml", listedCalendar(i)));
        }
        for (int i = 0; i < schedules; i++) {
            String team = String.format("team-%03d", i % TEAMS);
            String name = String.format("svc-%05d-%s", i, GROUPS.get(i % GROUPS.size()));
            boolean monthly = monthlyEvery > 0 && i % monthlyEvery == 0;
            files.add(new SourceFile("schedules/" + team + "/" + name + ".yaml", schedule(name, team, monthly)));
        }
        return files;
    }

    private String accounts() {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: offhours.dev/v1
                kind: AccountRegistry
                spec:
                  accounts:
                """);
        for (int i = 0; i < ACCOUNTS; i++) {
            yaml.append("    - id: \"").append(String.format("%012d", 100_000_000_000L + i * 7919L)).append("\"\n")
                    .append("      alias: ").append(accountAlias(i)).append('\n')
                    .append("      regions: [").append(REGIONS.get(i % REGIONS.size())).append(", ")
                    .append(REGIONS.get((i + 1) % REGIONS.size())).append("]\n")
                    .append("      groups: [").append(GROUPS.get(i % GROUPS.size())).append("]\n");
        }
        return yaml.toString();
    }

    private static String accountAlias(int i) {
        return String.format("acct-%03d", i);
    }

    private static String publicCalendar(String name, String country, String subdivision) {
        return "apiVersion: offhours.dev/v1\nkind: Calendar\nmetadata:\n  name: " + name + "\n"
                + "  description: Public holidays of " + country.toUpperCase() + "\n"
                + "spec:\n  country: " + country + "\n"
                + (subdivision.isEmpty() ? "" : "  subdivision: " + subdivision + "\n")
                + "  dates:\n    - date: \"2026-12-24\"\n      name: Christmas Eve\n";
    }

    private static String listedCalendarName(int i) {
        return String.format("shutdown-%02d", i);
    }

    private String listedCalendar(int i) {
        StringBuilder yaml = new StringBuilder("apiVersion: offhours.dev/v1\nkind: Calendar\nmetadata:\n  name: "
                + listedCalendarName(i) + "\n  description: Company shutdown days\nspec:\n  dates:\n");
        LocalDate day = LocalDate.of(2026, 1, 2).plusDays(i);
        for (int d = 0; d < 10; d++) {
            day = day.plusDays(20 + random.nextInt(30));
            yaml.append("    - date: \"").append(day).append("\"\n      name: Shutdown day ").append(d + 1).append('\n');
        }
        return yaml.toString();
    }

    private String schedule(String name, String team, boolean monthly) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: offhours.dev/v1\nkind: Schedule\nmetadata:\n")
                .append("  name: ").append(name).append('\n')
                .append("  owner: ").append(team).append('\n')
                .append("  description: Capacity of ").append(name).append(" outside working hours\n")
                .append("spec:\n")
                .append("  timeZone: ").append(pick(ZONES)).append('\n')
                .append("  awake:\n").append(monthly ? MonthlyShapes.awake(random) : WeekShapes.awake(random));
        calendars(yaml);
        if (!monthly) {
            sleepOn(yaml);
            keepAwake(yaml);
        }
        if (random.nextInt(20) == 0) {
            yaml.append("  suspend: true\n");
        }
        if (random.nextInt(4) == 0) {
            yaml.append("  enforce: true\n");
        }
        scope(yaml);
        if (random.nextInt(3) == 0) {
            int min = random.nextInt(2);
            yaml.append("  asleep: {min: ").append(min).append(", desired: ").append(min + random.nextInt(2))
                    .append("}\n");
        }
        return yaml.toString();
    }

    private void calendars(StringBuilder yaml) {
        int choice = random.nextInt(4);
        if (choice == 0) {
            return;
        }
        yaml.append("  calendars: [").append(PUBLIC_CALENDARS[random.nextInt(PUBLIC_CALENDARS.length)][0]);
        if (choice == 3) {
            yaml.append(", ").append(listedCalendarName(random.nextInt(LISTED_CALENDARS)));
        }
        yaml.append("]\n");
    }

    private void sleepOn(StringBuilder yaml) {
        if (random.nextInt(3) != 0) {
            return;
        }
        LocalDate day = LocalDate.of(2026, 12, 1).plusDays(random.nextInt(60));
        yaml.append("  sleepOn: [\"").append(day).append("\", \"").append(day.plusDays(1 + random.nextInt(5)))
                .append("\"]\n");
    }

    private void keepAwake(StringBuilder yaml) {
        if (random.nextInt(8) != 0) {
            return;
        }
        LocalDate day = LocalDate.of(2026, 11, 1).plusDays(random.nextInt(120));
        yaml.append("  keepAwake:\n    - until: \"").append(day).append('T')
                .append(String.format("%02d:00:00+01:00", random.nextInt(24))).append("\"\n")
                .append("      reason: release night\n");
    }

    private void scope(StringBuilder yaml) {
        int choice = random.nextInt(3);
        if (choice == 0) {
            return;
        }
        yaml.append("  scope:\n    accounts: [").append(accountAlias(random.nextInt(ACCOUNTS)));
        if (choice == 2) {
            yaml.append(", \"group:").append(pick(GROUPS)).append('"');
        }
        yaml.append("]\n    regions: [").append(pick(REGIONS)).append("]\n");
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
