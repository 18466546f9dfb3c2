package dev.offhours.core.source;

/** What a repository path holds, by where it is. */
enum FileKind {
    SCHEDULE, CALENDAR, ACCOUNTS, MISPLACED_SCHEDULE, MISPLACED_CALENDAR, IGNORED;

    static FileKind of(String path) {
        if (path.equals("accounts.yaml")) {
            return ACCOUNTS;
        }
        if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
            return IGNORED;
        }
        if (path.startsWith("schedules/")) {
            return path.indexOf('/', "schedules/".length()) > 0 ? SCHEDULE : MISPLACED_SCHEDULE;
        }
        if (path.startsWith("calendars/")) {
            return path.indexOf('/', "calendars/".length()) < 0 ? CALENDAR : MISPLACED_CALENDAR;
        }
        return IGNORED;
    }
}
