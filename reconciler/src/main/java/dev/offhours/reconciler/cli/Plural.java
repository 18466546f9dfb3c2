package dev.offhours.reconciler.cli;

final class Plural {

    private Plural() {
    }

    /** "1 schedule", "2 schedules". */
    static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
