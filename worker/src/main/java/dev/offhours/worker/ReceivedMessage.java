package dev.offhours.worker;

/** One work-queue message as a runtime (SQS consumer pool or Lambda) received it. */
public record ReceivedMessage(String messageId, String body, int receiveCount) {
}
