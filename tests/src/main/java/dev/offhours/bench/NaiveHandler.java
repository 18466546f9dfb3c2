package dev.offhours.bench;

import dev.offhours.core.work.Action;
import dev.offhours.core.work.MalformedWorkItemException;
import dev.offhours.core.work.TargetKind;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.simulator.SimulatedFleet;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The naive baseline: what a straightforward script does per work item. AssumeRole every time (no cache), one
 * describe per target, no rate limiter, and only SDK-default-like retries (3 attempts, full-jitter backoff, on
 * throttling codes the SDK knows; EKS's HTTP 400 "Request limit exceeded" is not retried, as in the SDK). One
 * record per target, FAILED when the retries ran out.
 */
final class NaiveHandler implements WorkItemHandler {

    private static final Set<String> SDK_THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded");
    private static final int SDK_ATTEMPTS = 3;
    private static final String AWAKE_TAG = "offhours.dev/awake-capacity";

    private final SimulatedFleet fleet;
    private final WorkItemCodec codec = new WorkItemCodec();
    final AtomicLong records = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong failedByThrottling = new AtomicLong();
    final AtomicLong lastRecordNanos = new AtomicLong();
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> recordNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();

    NaiveHandler(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    void resetCounters() {
        records.set(0);
        failed.set(0);
        failedByThrottling.set(0);
        lastRecordNanos.set(0);
        recordNanos.clear();
    }

    java.util.List<Long> recordTimes() {
        return java.util.List.copyOf(recordNanos);
    }

    @Override
    public Outcome handle(ReceivedMessage message) {
        WorkItem item;
        try {
            item = codec.decode(message.body());
        } catch (MalformedWorkItemException e) {
            return Outcome.reject(e.getMessage());
        }
        try {
            AwsCredentialsProvider credentials = assumeRole(item.target().account());
            if (item.target().kind() == TargetKind.ASG) {
                asg(item, fleet.autoScaling(credentials, item.target().region()));
            } else {
                nodegroup(item, fleet.eks(credentials, item.target().region()));
            }
        } catch (AwsServiceException e) {
            failed.incrementAndGet();
            if (isThrottling(e) || isEksRequestLimit(e)) {
                failedByThrottling.incrementAndGet();
            }
        }
        records.incrementAndGet();
        long now = System.nanoTime();
        recordNanos.add(now);
        lastRecordNanos.accumulateAndGet(now, Math::max);
        return Outcome.done();
    }

    private AwsCredentialsProvider assumeRole(String account) {
        Credentials credentials = sdk(() -> fleet.sts().assumeRole(b -> b.roleArn(fleet.roleArn(account))
                .roleSessionName("naive").externalId(fleet.config().externalId()))).credentials();
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()));
    }

    private void asg(WorkItem item, AutoScalingClient autoScaling) {
        String name = item.target().name();
        AutoScalingGroup group = sdk(() -> autoScaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)))
                .autoScalingGroups().get(0);
        if (item.action() == Action.SLEEP) {
            String awake = group.minSize() + "," + group.desiredCapacity() + "," + group.maxSize();
            sdk(() -> autoScaling.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId(name)
                    .resourceType("auto-scaling-group").key(AWAKE_TAG).value(awake).propagateAtLaunch(false).build())));
            sdk(() -> autoScaling.updateAutoScalingGroup(b -> b.autoScalingGroupName(name).minSize(0)
                    .desiredCapacity(0).maxSize(0)));
        } else {
            int[] awake = parse(group.tags().stream().filter(tag -> tag.key().equals(AWAKE_TAG)).findFirst()
                    .map(TagDescription::value).orElse(null));
            sdk(() -> autoScaling.updateAutoScalingGroup(b -> b.autoScalingGroupName(name).minSize(awake[0])
                    .desiredCapacity(awake[1]).maxSize(awake[2])));
        }
    }

    private void nodegroup(WorkItem item, EksClient eks) {
        String cluster = item.target().cluster();
        String name = item.target().name();
        Nodegroup group = sdk(() -> eks.describeNodegroup(b -> b.clusterName(cluster).nodegroupName(name))).nodegroup();
        if (item.action() == Action.SLEEP) {
            String awake = group.scalingConfig().minSize() + "," + group.scalingConfig().desiredSize() + ","
                    + group.scalingConfig().maxSize();
            sdk(() -> eks.tagResource(b -> b.resourceArn(group.nodegroupArn()).tags(Map.of(AWAKE_TAG, awake))));
            sdk(() -> eks.updateNodegroupConfig(b -> b.clusterName(cluster).nodegroupName(name)
                    .scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(1))));
        } else {
            int[] awake = parse(group.tags().get(AWAKE_TAG));
            sdk(() -> eks.updateNodegroupConfig(b -> b.clusterName(cluster).nodegroupName(name)
                    .scalingConfig(s -> s.minSize(awake[0]).desiredSize(awake[1]).maxSize(awake[2]))));
        }
    }

    private static int[] parse(String awake) {
        if (awake == null) {
            throw AwsServiceException.builder().message("no saved awake capacity").build();
        }
        String[] parts = awake.split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** The SDK's standard retry mode, roughly: 3 attempts, full jitter from 100 ms doubling, throttling only. */
    private <T> T sdk(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (attempt >= SDK_ATTEMPTS || !isThrottling(e)) {
                    throw e;
                }
                long ceilingMillis = Math.min(20_000, 100L << attempt);
                pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceilingMillis + 1)));
            }
        }
    }

    private static boolean isThrottling(AwsServiceException e) {
        return e.awsErrorDetails() != null && SDK_THROTTLING_CODES.contains(e.awsErrorDetails().errorCode());
    }

    private static boolean isEksRequestLimit(AwsServiceException e) {
        return e.awsErrorDetails() != null && "InvalidRequestException".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("Request limit exceeded");
    }

    private void pause(Duration simulated) {
        try {
            fleet.time().sleep(simulated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
