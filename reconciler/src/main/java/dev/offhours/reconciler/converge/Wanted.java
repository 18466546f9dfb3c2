package dev.offhours.reconciler.converge;

import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a schedule wants of its targets at one instant, read from the applied revision alone: its state and capacity
 * by the calculus, the scheduled transition that set it, and a fingerprint of everything else that decides each target's
 * action. {@link IntentRules} compares it with the stored intent.
 *
 * @param last the latest scheduled transition at or before {@code at}; empty while a keepAwake holds or when the
 *             schedule never changes state
 * @param capacityPercent the share of the saved awake capacity wanted at {@code at}: 100 full, 1 to 99 in a reduced
 *             period, 0 asleep
 */
public record Wanted(String schedule, PowerState state, Instant at, Optional<Transition> last, boolean suspended,
                     boolean removed, String fingerprint, String revision, int capacityPercent) {

    /** A schedule of the applied revision at {@code at}. */
    public static Wanted of(Schedule schedule, Timeline timeline, AccountRegistry accounts, String revision,
                            Instant at) {
        int capacity = timeline.capacityAt(at);
        return new Wanted(schedule.name(), capacity > 0 ? PowerState.AWAKE : PowerState.ASLEEP, at,
                timeline.lastTransition(at), schedule.suspend(), false, fingerprint(schedule, accounts), revision,
                capacity);
    }

    /** A schedule the applied revision no longer has: its targets are handed back awake. */
    public static Wanted removed(String schedule, String revision, Instant at) {
        return new Wanted(schedule, PowerState.AWAKE, at, Optional.empty(), false, true, "removed", revision, 100);
    }

    /**
     * Asleep shape and scope as written: a change of either changes what some target should be (a new shape to sleep
     * at, a target now out of scope to hand back), so it makes a new intent. The awake periods are not in it (they
     * only move the state, which the intent carries itself), nor the accounts of {@code accounts.yaml}: a target of an
     * account that left is handed back within the intent ({@link TargetRules}), so onboarding or removing one account
     * costs no work item for the targets of every other.
     */
    static String fingerprint(Schedule schedule, AccountRegistry accounts) {
        String text = "asleep=" + schedule.asleep().min() + "/" + schedule.asleep().desired()
                + ";regions=" + schedule.scope().regions().stream().sorted().toList()
                + ";accounts=" + schedule.scope().accounts().stream().sorted().toList();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
