package dev.offhours.core.capacity;

/** What the capacity rules decide for one target at one transition. */
public sealed interface Decision {

    /**
     * Nothing to change. {@code alreadyThere} tells a repeated transition (the target already has the capacity the
     * action asks for) from a target that opted out (other schedule, keep-awake).
     */
    record Skip(String reason, boolean alreadyThere) implements Decision {
    }

    /** The action cannot be carried out; nothing may be changed. {@code code} is a CamelCase constant. */
    record Fail(String code, String reason) implements Decision {
    }

    /**
     * Set the capacity to {@code to}. When {@code saveAwake} is not null, save it as the awake capacity first
     * (tag and store), so a failure after the save still leaves a way back.
     */
    record Change(Capacity from, Capacity to, Capacity saveAwake) implements Decision {
    }
}
