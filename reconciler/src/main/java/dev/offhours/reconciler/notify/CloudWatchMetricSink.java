package dev.offhours.reconciler.notify;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** PutMetricData in batches of {@value #MAX_PER_REQUEST} (the API's limit), all in one namespace. */
public final class CloudWatchMetricSink implements MetricSink {

    static final int MAX_PER_REQUEST = 1000;

    private final CloudWatchClient cloudWatch;
    private final String namespace;

    public CloudWatchMetricSink(CloudWatchClient cloudWatch, String namespace) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public void put(List<Point> points) {
        for (int from = 0; from < points.size(); from += MAX_PER_REQUEST) {
            List<MetricDatum> batch = points.subList(from, Math.min(points.size(), from + MAX_PER_REQUEST)).stream()
                    .map(p -> MetricDatum.builder().metricName(p.name()).value(p.value()).timestamp(p.at())
                            .unit(StandardUnit.COUNT).build())
                    .toList();
            cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(batch));
        }
    }
}
