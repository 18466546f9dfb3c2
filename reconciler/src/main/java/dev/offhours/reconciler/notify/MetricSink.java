package dev.offhours.reconciler.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where the hub's alarm metrics go: CloudWatch in a deployment, a list in tests. */
public interface MetricSink {

    /** One value of one metric (unit Count, no dimensions) at one instant. */
    record Point(String name, double value, Instant at) {
        public Point {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Sends every point, in as few requests as the service allows; throws when a request failed. */
    void put(List<Point> points);
}
