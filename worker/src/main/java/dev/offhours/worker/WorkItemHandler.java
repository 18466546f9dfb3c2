package dev.offhours.worker;

/** Executes one work item; thread-safe; never throws for a bad message (it returns {@link Outcome.Reject}). */
public interface WorkItemHandler {
    Outcome handle(ReceivedMessage message);
}
