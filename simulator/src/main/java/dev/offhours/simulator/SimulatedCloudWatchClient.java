package dev.offhours.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * CloudWatch of one region, as far as the quota pre-flight reads it: GetMetricData of the EC2 vCPU
 * {@code AWS/Usage ResourceCount} metrics, one data point per query at the end of the asked window with what runs
 * now; other metrics have no data points (as a metric nobody publishes).
 */
final class SimulatedCloudWatchClient implements CloudWatchClient {

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedCloudWatchClient(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        String account = fleet.gate().authenticate(ApiFamily.AUTOSCALING, credentials).account();
        RegionState state = fleet.state().region(account, region);
        Map<String, Double> usage = state.locked(r -> fleet.state().quotas().usage(r));
        List<MetricDataResult> results = new ArrayList<>();
        for (MetricDataQuery query : request.metricDataQueries()) {
            MetricDataResult.Builder result = MetricDataResult.builder().id(query.id()).statusCode(StatusCode.COMPLETE);
            String usageClass = query.metricStat() == null ? null : vcpuClass(query.metricStat().metric());
            if (usageClass != null && usage.containsKey(usageClass)) {
                result.timestamps(request.endTime()).values(usage.get(usageClass));
            }
            results.add(result.build());
        }
        return GetMetricDataResponse.builder().metricDataResults(results).build();
    }

    /** The {@code Class} of an EC2 vCPU usage metric, null for any other metric. */
    private static String vcpuClass(Metric metric) {
        if (!"AWS/Usage".equals(metric.namespace()) || !"ResourceCount".equals(metric.metricName())) {
            return null;
        }
        Map<String, String> dimensions = new java.util.HashMap<>();
        for (Dimension dimension : metric.dimensions()) {
            dimensions.put(dimension.name(), dimension.value());
        }
        return "EC2".equals(dimensions.get("Service")) && "vCPU".equals(dimensions.get("Resource"))
                && "Resource".equals(dimensions.get("Type")) ? dimensions.get("Class") : null;
    }

    @Override
    public String serviceName() {
        return "monitoring";
    }

    @Override
    public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
        return CloudWatchServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    @Override
    public void close() {
    }
}
