package dev.offhours.simulator;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplate;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** Builds the SDK's model objects from an {@link AsgState}. Call with the region's lock held. */
final class AsgModel {
    static final String RESOURCE_TYPE = "auto-scaling-group";

    private AsgModel() {
    }

    static AutoScalingGroup group(AsgState asg, String region) {
        return AutoScalingGroup.builder()
                .autoScalingGroupName(asg.name)
                .autoScalingGroupARN(asg.arn)
                .minSize(asg.min)
                .desiredCapacity(asg.desired)
                .maxSize(asg.max)
                .defaultCooldown(300)
                .availabilityZones(region + "a", region + "b", region + "c")
                .healthCheckType("EC2")
                .healthCheckGracePeriod(300)
                .createdTime(asg.createdTime)
                .tags(tags(asg))
                .mixedInstancesPolicy(mixed(asg))
                .build();
    }

    /** The group's instance types as a mixed instances policy's overrides, with its On-Demand split. */
    static MixedInstancesPolicy mixed(AsgState asg) {
        return MixedInstancesPolicy.builder()
                .launchTemplate(LaunchTemplate.builder()
                        .launchTemplateSpecification(LaunchTemplateSpecification.builder()
                                .launchTemplateName(asg.name).version("$Default").build())
                        .overrides(asg.launch.instanceTypes().stream()
                                .map(type -> LaunchTemplateOverrides.builder().instanceType(type).build()).toList())
                        .build())
                .instancesDistribution(InstancesDistribution.builder()
                        .onDemandBaseCapacity(asg.launch.onDemandBase())
                        .onDemandPercentageAboveBaseCapacity(asg.launch.onDemandPercentAboveBase())
                        .build())
                .build();
    }

    static List<TagDescription> tags(AsgState asg) {
        return asg.tags.entrySet().stream().map(tag -> tag(asg, tag)).toList();
    }

    static TagDescription tag(AsgState asg, Map.Entry<String, String> tag) {
        return TagDescription.builder()
                .resourceId(asg.name)
                .resourceType(RESOURCE_TYPE)
                .key(tag.getKey())
                .value(tag.getValue())
                .propagateAtLaunch(false)
                .build();
    }
}
