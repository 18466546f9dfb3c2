package dev.offhours.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QuotaPreflightTest {

    private static final QuotaKey STANDARD_OD = new QuotaKey(QuotaClass.STANDARD, Purchase.ON_DEMAND);
    private static final QuotaKey STANDARD_SPOT = new QuotaKey(QuotaClass.STANDARD, Purchase.SPOT);
    private static final QuotaKey G_OD = new QuotaKey(QuotaClass.G, Purchase.ON_DEMAND);
    private static final Map<String, Integer> VCPUS = Map.of("m5.large", 2, "m5.2xlarge", 8, "c5.4xlarge", 16,
            "g5.xlarge", 4);

    @ParameterizedTest(name = "{0} counts against {1}")
    @CsvSource({
            "m5.large, STANDARD", "t3.micro, STANDARD", "c7gn.16xlarge, STANDARD", "r6i.metal, STANDARD",
            "z1d.large, STANDARD", "mac2.metal, STANDARD", "im4gn.large, STANDARD",
            "f1.2xlarge, F", "g5.xlarge, G", "g4dn.xlarge, G", "vt1.3xlarge, G", "inf2.xlarge, INF",
            "p4d.24xlarge, P", "x2idn.16xlarge, X", "x1e.xlarge, X", "dl1.24xlarge, DL", "trn1.2xlarge, TRN",
            "u-6tb1.metal, HIGH_MEMORY"})
    void instanceTypesFallIntoTheirQuotaClass(String type, QuotaClass expected) {
        assertThat(QuotaClass.of(type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: code {2}, usage class {3}")
    @CsvSource({
            "STANDARD, ON_DEMAND, L-1216C47A, Standard/OnDemand",
            "STANDARD, SPOT, L-34B43A08, Standard/Spot",
            "G, ON_DEMAND, L-DB2E81BA, G/OnDemand",
            "P, SPOT, L-7212CCBC, P/Spot"})
    void quotaCodesAndUsageClasses(QuotaClass quotaClass, Purchase purchase, String code, String usageClass) {
        QuotaKey key = new QuotaKey(quotaClass, purchase);
        assertThat(key.code()).isEqualTo(code);
        assertThat(key.usageClass()).isEqualTo(usageClass);
    }

    @ParameterizedTest(name = "base {0}, {1}% above: {2} instances are {3} On-Demand")
    @CsvSource({"0, 100, 5, 5", "0, 0, 5, 0", "2, 0, 5, 2", "2, 50, 5, 4", "2, 50, 6, 4", "4, 50, 3, 3",
            "0, 25, 1, 1", "0, 25, 0, 0"})
    void onDemandShareOfAMixedInstancesPolicy(int base, int percent, int instances, int onDemand) {
        LaunchShape shape = new LaunchShape(List.of("m5.large"), base, percent);
        assertThat(shape.onDemand(instances)).isEqualTo(onDemand);
        assertThat(shape.spot(instances)).isEqualTo(instances - onDemand);
    }

    static Stream<Arguments> waves() {
        return Stream.of(
                Arguments.of("fits: 2 x 4 m5.2xlarge = 64 vCPUs, 64 free",
                        List.of(asg("a", 100, 0, 4, "m5.2xlarge"), asg("b", 100, 0, 4, "m5.2xlarge")),
                        Map.of(STANDARD_OD, 128.0), Map.of(STANDARD_OD, 64.0),
                        "L-1216C47A need 64 free 64 ok", List.of()),
                Arguments.of("breach: 96 vCPUs, 32 free",
                        List.of(asg("a", 100, 0, 4, "m5.2xlarge"), asg("b", 100, 0, 4, "m5.2xlarge"),
                                asg("c", 100, 0, 4, "m5.2xlarge")),
                        Map.of(STANDARD_OD, 64.0), Map.of(STANDARD_OD, 32.0),
                        "L-1216C47A need 96 free 32 breach", List.of()),
                Arguments.of("only the capacity above the current one counts",
                        List.of(asg("a", 100, 3, 4, "m5.2xlarge")),
                        Map.of(STANDARD_OD, 16.0), Map.of(STANDARD_OD, 8.0),
                        "L-1216C47A need 8 free 8 ok", List.of()),
                Arguments.of("a mixed policy counts its largest type",
                        List.of(asg("a", 100, 0, 2, "m5.large", "c5.4xlarge")),
                        Map.of(STANDARD_OD, 32.0), Map.of(),
                        "L-1216C47A need 32 free 32 ok", List.of()),
                Arguments.of("Spot and G are quotas of their own",
                        List.of(new WakeDemand("s", 100, 0, 4, LaunchShape.spot(List.of("m5.large"))),
                                asg("g", 100, 0, 3, "g5.xlarge")),
                        Map.of(STANDARD_SPOT, 4.0, G_OD, 100.0), Map.of(),
                        "L-34B43A08 need 8 free 4 breach; L-DB2E81BA need 12 free 100 ok", List.of()),
                Arguments.of("an unknown quota is reported, not judged",
                        List.of(asg("a", 100, 0, 4, "m5.2xlarge")), Map.of(), Map.of(),
                        "L-1216C47A need 32 free ? ok", List.of()),
                Arguments.of("a target whose types have no vCPU count is unmeasured",
                        List.of(asg("a", 100, 0, 4, "zz9.huge"), asg("b", 100, 0, 1, "m5.large")),
                        Map.of(STANDARD_OD, 10.0), Map.of(),
                        "L-1216C47A need 2 free 10 ok", List.of("a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waves")
    void theWaveAgainstEachQuota(String name, List<WakeDemand> demands, Map<QuotaKey, Double> quotas,
                                 Map<QuotaKey, Double> usage, String expected, List<String> unmeasured) {
        QuotaPreflight.Result result = QuotaPreflight.check(demands, new QuotaReadings(VCPUS, quotas, usage),
                OnBreach.WARN);
        assertThat(summary(result)).isEqualTo(expected);
        assertThat(result.refused()).as("warn never holds a target back").isEmpty();
        assertThat(result.unmeasured()).isEqualTo(unmeasured);
    }

    static Stream<Arguments> priorityOrders() {
        return Stream.of(
                Arguments.of("highest priorities first, then by key; the rest are refused",
                        List.of(asg("low", 200, 0, 2, "m5.2xlarge"), asg("b", 10, 0, 2, "m5.2xlarge"),
                                asg("a", 10, 0, 2, "m5.2xlarge")),
                        40.0, List.of("low")),
                Arguments.of("a smaller, lower-priority target never takes what a higher one was denied",
                        List.of(asg("big", 10, 0, 6, "m5.2xlarge"), asg("small", 50, 0, 1, "m5.large")),
                        40.0, List.of("big", "small")),
                Arguments.of("nothing is refused when the wave fits",
                        List.of(asg("a", 10, 0, 2, "m5.2xlarge"), asg("b", 20, 0, 2, "m5.2xlarge")),
                        32.0, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorityOrders")
    void wakeInPriorityOrderUpToTheQuota(String name, List<WakeDemand> demands, double free, List<String> refused) {
        QuotaReadings readings = new QuotaReadings(VCPUS, Map.of(STANDARD_OD, free + 100), Map.of(STANDARD_OD, 100.0));
        QuotaPreflight.Result result = QuotaPreflight.check(demands, readings, OnBreach.WAKE_IN_PRIORITY_ORDER);
        assertThat(result.refused().keySet()).containsExactlyInAnyOrderElementsOf(refused);
    }

    @Test
    void aRefusalNamesTheQuotaTheNeedAndTheHeadroom() {
        QuotaReadings readings = new QuotaReadings(VCPUS, Map.of(STANDARD_OD, 64.0), Map.of(STANDARD_OD, 40.0));
        QuotaPreflight.Result result = QuotaPreflight.check(List.of(asg("web", 1, 0, 2, "m5.2xlarge"),
                asg("batch", 5, 0, 2, "m5.2xlarge")), readings, OnBreach.WAKE_IN_PRIORITY_ORDER);
        assertThat(result.refused().get("batch").reason()).isEqualTo("QuotaExceeded: waking needs 16 vCPUs of "
                + "L-1216C47A (Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances), 8 left after "
                + "higher-priority targets; the wave adds 32 vCPUs to L-1216C47A (Running On-Demand Standard (A, C, D, "
                + "H, I, M, R, T, Z) instances) but only 24 are free (quota 64, in use 40)");
    }

    @ParameterizedTest(name = "tag {0}: priority {1}")
    @CsvSource(value = {"1, 1", "' 7 ', 7", "high, 100", "NULL, 100"}, nullValues = "NULL")
    void priorityTag(String tag, int priority) {
        assertThat(WakeDemand.priorityOf(tag)).isEqualTo(priority);
    }

    private static WakeDemand asg(String key, int priority, int current, int awake, String... types) {
        return new WakeDemand(key, priority, current, awake, LaunchShape.onDemand(List.of(types)));
    }

    private static String summary(QuotaPreflight.Result result) {
        return String.join("; ", result.needs().stream().map(n -> n.key().code() + " need " + QuotaNeed.fmt(n.need())
                + " free " + (n.headroom() == null ? "?" : QuotaNeed.fmt(n.headroom())) + " "
                + (n.breached() ? "breach" : "ok")).toList());
    }
}
