package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** Auto Scaling group: DescribeAutoScalingGroups, CreateOrUpdateTags, UpdateAutoScalingGroup (synchronous). */
public final class AsgActions implements TargetActions {

    private final SpokeClients clients;
    private final Pipelines pipelines;

    public AsgActions(SpokeClients clients, Pipelines pipelines) {
        this.clients = clients;
        this.pipelines = pipelines;
    }

    @Override
    public ObservedTarget observe(Target target) {
        AutoScalingGroup group = call(target, asg -> asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(target.name())))
                .autoScalingGroups().stream().findFirst()
                .orElseThrow(() -> new TargetNotFoundException("Auto Scaling group '" + target.name() + "' does not exist in account "
                        + target.account() + " region " + target.region()));
        Map<String, String> tags = group.tags().stream()
                .collect(Collectors.toMap(TagDescription::key, TagDescription::value, (a, b) -> b));
        Capacity current = new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize());
        return new ObservedTarget(current, tags, group.autoScalingGroupName(), false);
    }

    @Override
    public void saveAwake(Target target, ObservedTarget observed, Capacity awake) {
        call(target, asg -> asg.createOrUpdateTags(b -> b.tags(t -> t
                .resourceId(target.name()).resourceType("auto-scaling-group")
                .key(OffhoursTags.AWAKE_CAPACITY).value(OffhoursTags.formatCapacity(awake))
                .propagateAtLaunch(false))));
    }

    @Override
    public String apply(Target target, Capacity capacity) {
        call(target, asg -> asg.updateAutoScalingGroup(b -> b.autoScalingGroupName(target.name())
                .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max())));
        return null;
    }

    @Override
    public UpdateState confirm(Target target, String updateId, Capacity expected) {
        return UpdateState.SUCCESSFUL;
    }

    private <T> T call(Target target, java.util.function.Function<AutoScalingClient, T> request) {
        AutoScalingClient client = clients.autoScaling(target.account(), target.region());
        return pipelines.call(target.account(), target.region(), ApiFamily.AUTOSCALING, () -> request.apply(client));
    }
}
