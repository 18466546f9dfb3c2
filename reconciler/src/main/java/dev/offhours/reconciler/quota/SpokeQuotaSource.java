package dev.offhours.reconciler.quota;

import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import dev.offhours.core.quota.QuotaKey;
import dev.offhours.core.quota.QuotaReadings;
import dev.offhours.core.quota.QuotaSource;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * The pre-flight's reads of one spoke account and region through its assumed role: Auto Scaling groups (launch
 * template, launch configuration or mixed instances policy, one describe per 50 groups), EKS node groups (instance
 * types and capacity type), EC2 launch template versions and instance types (vCPUs, cached for the life of the
 * hub: an instance type's vCPUs never change), Service Quotas ({@code ec2} vCPU quotas) and CloudWatch
 * ({@code AWS/Usage} vCPU {@code ResourceCount}, the latest maximum of the last 15 minutes; none means none in use).
 * What fails to read is left out and logged once per wave; nothing here throws for a spoke's sake.
 */
public final class SpokeQuotaSource implements QuotaSource, AutoCloseable {

    /** Auto Scaling groups per DescribeAutoScalingGroups (the API takes at most 100 names). */
    static final int GROUPS_PER_DESCRIBE = 50;
    /** Instance types per DescribeInstanceTypes (the API takes at most 100). */
    static final int TYPES_PER_DESCRIBE = 100;
    /** How far back the usage metric is read: AWS publishes it every minute, not always on time. */
    static final Duration USAGE_WINDOW = Duration.ofMinutes(15);
    /** The instance type EKS launches when a node group names none. */
    static final String EKS_DEFAULT_TYPE = "t3.medium";

    private static final Logger LOG = LoggerFactory.getLogger(SpokeQuotaSource.class);

    private record Key(String account, String region) {
    }

    private final SpokeClients spokes;
    private final RoleCredentialsCache credentials;
    private final QuotaClientFactory factory;
    private final Clock clock;
    private final ConcurrentMap<String, Integer> vcpus = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Ec2Client> ec2 = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, ServiceQuotasClient> quotas = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CloudWatchClient> cloudWatch = new ConcurrentHashMap<>();

    public SpokeQuotaSource(SpokeClients spokes, QuotaClientFactory factory, Clock clock) {
        this.spokes = spokes;
        this.credentials = spokes.credentials();
        this.factory = factory;
        this.clock = clock;
    }

    @Override
    public Map<String, LaunchShape> launchShapes(String account, String region, List<Target> targets) {
        return new Wave(account, region).shapes(targets);
    }

    /**
     * The reads of one wave in one account and region; a launch template version is read once per wave however
     * many groups and node groups use it ({@code $Default} and {@code $Latest} may move between waves).
     */
    private final class Wave {
        private final String account;
        private final String region;
        private final Map<String, List<String>> templates = new HashMap<>();

        Wave(String account, String region) {
            this.account = account;
            this.region = region;
        }

        Map<String, LaunchShape> shapes(List<Target> targets) {
            Map<String, LaunchShape> shapes = new HashMap<>();
            List<Target> groups = targets.stream().filter(t -> t.kind() == TargetKind.ASG).toList();
            for (int from = 0; from < groups.size(); from += GROUPS_PER_DESCRIBE) {
                List<Target> batch = groups.subList(from, Math.min(groups.size(), from + GROUPS_PER_DESCRIBE));
                readGroups(account, region, batch, shapes, this);
            }
            for (Target target : targets) {
                if (target.kind() != TargetKind.ASG) {
                    read(target, () -> shapes.put(target.key(), nodegroupShape(account, region, target, this)));
                }
            }
            return shapes;
        }

        List<String> templateTypes(String id, String name, String version) {
            String key = (id != null ? id : name) + "@" + version;
            List<String> known = templates.get(key);
            if (known == null) {
                known = SpokeQuotaSource.this.templateTypes(account, region, id, name, version);
                templates.put(key, known);
            }
            return known;
        }
    }

    private void readGroups(String account, String region, List<Target> batch, Map<String, LaunchShape> shapes,
                            Wave wave) {
        Map<String, Target> byName = new HashMap<>();
        batch.forEach(target -> byName.put(target.name(), target));
        read(batch.get(0), () -> spokes.autoScaling(account, region).describeAutoScalingGroupsPaginator(r -> r
                        .autoScalingGroupNames(byName.keySet()))
                .autoScalingGroups().forEach(group -> {
                    Target target = byName.get(group.autoScalingGroupName());
                    if (target != null) {
                        read(target, () -> shapes.put(target.key(), groupShape(account, region, group, wave)));
                    }
                }));
    }

    private LaunchShape groupShape(String account, String region, AutoScalingGroup group, Wave wave) {
        if (group.mixedInstancesPolicy() != null && group.mixedInstancesPolicy().launchTemplate() != null) {
            var template = group.mixedInstancesPolicy().launchTemplate();
            List<String> types = template.overrides().stream().map(LaunchTemplateOverrides::instanceType)
                    .filter(type -> type != null && !type.isBlank()).toList();
            if (types.isEmpty()) {
                types = templateTypes(wave, template.launchTemplateSpecification());
            }
            InstancesDistribution split = group.mixedInstancesPolicy().instancesDistribution();
            int base = split == null || split.onDemandBaseCapacity() == null ? 0 : split.onDemandBaseCapacity();
            int percent = split == null || split.onDemandPercentageAboveBaseCapacity() == null ? 100
                    : split.onDemandPercentageAboveBaseCapacity();
            return new LaunchShape(types, base, percent);
        }
        if (group.launchTemplate() != null) {
            return LaunchShape.onDemand(templateTypes(wave, group.launchTemplate()));
        }
        if (group.launchConfigurationName() != null) {
            return LaunchShape.onDemand(spokes.autoScaling(account, region).describeLaunchConfigurations(r -> r
                            .launchConfigurationNames(group.launchConfigurationName()))
                    .launchConfigurations().stream().map(lc -> lc.instanceType()).toList());
        }
        return LaunchShape.onDemand(List.of());
    }

    private static List<String> templateTypes(Wave wave, LaunchTemplateSpecification spec) {
        if (spec == null) {
            return List.of();
        }
        return wave.templateTypes(spec.launchTemplateId(), spec.launchTemplateName(), spec.version());
    }

    private List<String> templateTypes(String account, String region, String id, String name, String version) {
        String wanted = version == null || version.isBlank() ? "$Default" : version;
        return ec2(account, region).describeLaunchTemplateVersions(r -> {
            if (id != null) {
                r.launchTemplateId(id);
            } else {
                r.launchTemplateName(name);
            }
            r.versions(wanted);
        }).launchTemplateVersions().stream()
                .map(v -> v.launchTemplateData() == null ? null : v.launchTemplateData().instanceTypeAsString())
                .filter(type -> type != null && !type.isBlank()).toList();
    }

    private LaunchShape nodegroupShape(String account, String region, Target target, Wave wave) {
        Nodegroup group = spokes.eks(account, region).describeNodegroup(r -> r.clusterName(target.cluster())
                .nodegroupName(target.name())).nodegroup();
        List<String> types = group.hasInstanceTypes() && !group.instanceTypes().isEmpty() ? group.instanceTypes()
                : group.launchTemplate() != null ? wave.templateTypes(group.launchTemplate().id(),
                        group.launchTemplate().name(), group.launchTemplate().version()) : List.of(EKS_DEFAULT_TYPE);
        if (types.isEmpty()) {
            types = List.of(EKS_DEFAULT_TYPE);
        }
        return group.capacityType() == CapacityTypes.SPOT ? LaunchShape.spot(types) : LaunchShape.onDemand(types);
    }

    @Override
    public QuotaReadings readings(String account, String region, Set<String> instanceTypes) {
        Map<String, Integer> known = instanceVcpus(account, region, instanceTypes);
        Set<QuotaClass> classes = new TreeSet<>();
        instanceTypes.forEach(type -> classes.add(QuotaClass.of(type)));
        List<QuotaKey> keys = new ArrayList<>();
        for (QuotaClass quotaClass : classes) {
            for (Purchase purchase : Purchase.values()) {
                if (quotaClass.code(purchase) != null) {
                    keys.add(new QuotaKey(quotaClass, purchase));
                }
            }
        }
        Map<QuotaKey, Double> values = new HashMap<>();
        for (QuotaKey key : keys) {
            readQuiet(account, region, "GetServiceQuota " + key.code(), () -> values.put(key,
                    quotas(account, region).getServiceQuota(r -> r.serviceCode("ec2").quotaCode(key.code()))
                            .quota().value()));
        }
        Map<QuotaKey, Double> usage = new HashMap<>();
        readQuiet(account, region, "GetMetricData AWS/Usage", () -> usage.putAll(usage(account, region, keys)));
        return new QuotaReadings(known, values, usage);
    }

    private Map<String, Integer> instanceVcpus(String account, String region, Set<String> types) {
        List<String> missing = types.stream().filter(type -> !vcpus.containsKey(type)).distinct().toList();
        for (int from = 0; from < missing.size(); from += TYPES_PER_DESCRIBE) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + TYPES_PER_DESCRIBE));
            try {
                describeTypes(account, region, batch);
            } catch (SdkException e) {
                // one unknown type fails the whole call: ask one by one, so the others still count
                batch.forEach(type -> readQuiet(account, region, "DescribeInstanceTypes " + type,
                        () -> describeTypes(account, region, List.of(type))));
            }
        }
        Map<String, Integer> known = new HashMap<>();
        types.forEach(type -> {
            Integer count = vcpus.get(type);
            if (count != null) {
                known.put(type, count);
            }
        });
        return known;
    }

    private void describeTypes(String account, String region, List<String> types) {
        ec2(account, region).describeInstanceTypesPaginator(r -> r.instanceTypesWithStrings(types)).instanceTypes()
                .forEach((InstanceTypeInfo info) -> {
                    if (info.vCpuInfo() != null && info.vCpuInfo().defaultVCpus() != null) {
                        vcpus.put(info.instanceTypeAsString(), info.vCpuInfo().defaultVCpus());
                    }
                });
    }

    private Map<QuotaKey, Double> usage(String account, String region, List<QuotaKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            QuotaKey key = keys.get(i);
            queries.add(MetricDataQuery.builder().id("q" + i).returnData(true).metricStat(stat -> stat
                    .period(60).stat("Maximum").metric(metric -> metric.namespace("AWS/Usage")
                            .metricName("ResourceCount").dimensions(
                                    dimension("Service", "EC2"), dimension("Type", "Resource"),
                                    dimension("Resource", "vCPU"), dimension("Class", key.usageClass()))))
                    .build());
        }
        Instant now = clock.instant();
        GetMetricDataResponse response = cloudWatch(account, region).getMetricData(r -> r.metricDataQueries(queries)
                .startTime(now.minus(USAGE_WINDOW)).endTime(now));
        Map<QuotaKey, Double> usage = new HashMap<>();
        keys.forEach(key -> usage.put(key, 0.0));
        for (MetricDataResult result : response.metricDataResults()) {
            int index = Integer.parseInt(result.id().substring(1));
            if (result.hasValues() && !result.values().isEmpty()) {
                // newest first (the default TimestampDescending)
                usage.put(keys.get(index), result.values().get(0));
            }
        }
        return usage;
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private void read(Target target, Runnable call) {
        readQuiet(target.account(), target.region(), "the launch shape of " + target.key(), call);
    }

    private static void readQuiet(String account, String region, String what, Runnable call) {
        try {
            call.run();
        } catch (SdkException | IllegalArgumentException e) {
            LOG.warn("quota pre-flight in {}/{}: {} could not be read ({}); it counts as unknown", account, region,
                    what, e.getMessage());
        }
    }

    private Ec2Client ec2(String account, String region) {
        return ec2.computeIfAbsent(new Key(account, region), k -> factory.ec2(credentials.provider(account), region));
    }

    private ServiceQuotasClient quotas(String account, String region) {
        return quotas.computeIfAbsent(new Key(account, region),
                k -> factory.serviceQuotas(credentials.provider(account), region));
    }

    private CloudWatchClient cloudWatch(String account, String region) {
        return cloudWatch.computeIfAbsent(new Key(account, region),
                k -> factory.cloudWatch(credentials.provider(account), region));
    }

    @Override
    public void close() {
        ec2.values().forEach(Ec2Client::close);
        quotas.values().forEach(ServiceQuotasClient::close);
        cloudWatch.values().forEach(CloudWatchClient::close);
    }
}
