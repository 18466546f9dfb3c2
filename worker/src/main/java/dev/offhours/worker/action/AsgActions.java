package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * Auto Scaling group: DescribeAutoScalingGroups (shared by the items of one account-region, {@link AsgDescribes}),
 * CreateOrUpdateTags, UpdateAutoScalingGroup (synchronous).
 */
public final class AsgActions implements TargetActions {

    private final SpokeClients clients;
    private final Pipelines pipelines;
    private final AsgDescribes describes;

    public AsgActions(SpokeClients clients, Pipelines pipelines, AsgDescribes describes) {
        this.clients = clients;
        this.pipelines = pipelines;
        this.describes = describes;
    }

    @Override
    public CompletableFuture<ObservedTarget> observe(Target target) {
        return describes.describe(target).thenApply(found -> {
            AutoScalingGroup group = found.orElseThrow(() -> new TargetNotFoundException("Auto Scaling group '"
                    + target.name() + "' does not exist in account " + target.account() + " region " + target.region()));
            Map<String, String> tags = group.tags().stream()
                    .collect(Collectors.toMap(TagDescription::key, TagDescription::value, (a, b) -> b));
            Capacity current = new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize());
            return new ObservedTarget(current, tags, group.autoScalingGroupName(), false);
        });
    }

    @Override
    public CompletableFuture<Void> saveAwake(Target target, ObservedTarget observed, Capacity awake) {
        return change(target, asg -> asg.createOrUpdateTags(b -> b.tags(t -> t
                .resourceId(target.name()).resourceType("auto-scaling-group")
                .key(OffhoursTags.AWAKE_CAPACITY).value(OffhoursTags.formatCapacity(awake))
                .propagateAtLaunch(false)))).thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Applied> apply(Target target, Capacity capacity) {
        return change(target, asg -> asg.updateAutoScalingGroup(b -> b.autoScalingGroupName(target.name())
                .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max())))
                .thenApply(response -> Applied.done());
    }

    @Override
    public CompletableFuture<UpdateState> confirm(Target target, String updateId, Capacity expected) {
        return CompletableFuture.completedFuture(UpdateState.SUCCESSFUL);
    }

    /** A call that changes the group: shared describes from before it no longer serve this group. */
    private <T> CompletableFuture<T> change(Target target, Function<AutoScalingAsyncClient, CompletableFuture<T>> request) {
        AutoScalingAsyncClient client = clients.autoScalingAsync(target.account(), target.region());
        return pipelines.callAsync(target.account(), target.region(), ApiFamily.AUTOSCALING,
                        () -> request.apply(client))
                .whenComplete((response, failure) -> describes.changed(target));
    }
}
