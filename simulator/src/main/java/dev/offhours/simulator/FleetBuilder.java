package dev.offhours.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Configures and builds a {@link SimulatedFleet}. Defaults: 10 accounts from 100000000000 in eu-central-1, 2 ASGs
 * and 2 node groups (1 cluster) per account-region tagged {@code offhours.dev/schedule=office-hours}; role
 * {@code offhours-spoke} with ExternalId {@code offhours}; buckets Auto Scaling 20/s burst 40, EKS 10/s burst 20,
 * STS 50/s burst 100 (the caller's); latencies 100-300 / 200-500 / 50-200 ms; real time; node group updates take
 * 20 s; no faults. Same seed and options give the same fleet.
 */
public final class FleetBuilder {
    private long seed = 42;
    private String hubAccount = "111111111111";
    private String hubRegion = "eu-central-1";
    private String roleName = "offhours-spoke";
    private String externalId = "offhours";
    private final Map<ApiFamily, TokenBucketSpec> buckets = new EnumMap<>(Map.of(
            ApiFamily.AUTOSCALING, new TokenBucketSpec(20, 40),
            ApiFamily.EKS, new TokenBucketSpec(10, 20),
            ApiFamily.STS, new TokenBucketSpec(50, 100)));
    private final Map<ApiFamily, LatencySpec> latencies = new EnumMap<>(Map.of(
            ApiFamily.AUTOSCALING, LatencySpec.uniformMillis(100, 300),
            ApiFamily.EKS, LatencySpec.uniformMillis(200, 500),
            ApiFamily.STS, LatencySpec.uniformMillis(50, 200)));
    private final Map<ApiFamily, Double> serverErrorRates = new EnumMap<>(Map.of(
            ApiFamily.AUTOSCALING, 0.0, ApiFamily.EKS, 0.0, ApiFamily.STS, 0.0));
    private double timeScale = 1.0;
    private Clock clock = Clock.systemUTC();
    private FleetTime time;
    private Duration nodegroupUpdateDuration = Duration.ofSeconds(20);
    private ScalingApplies scalingApplies = ScalingApplies.IMMEDIATELY;
    private StsBucketScope stsBucketScope = StsBucketScope.CALLER_ACCOUNT;
    private double eksRequestLimitFraction = 0.2;
    private int accounts = 10;
    private long firstAccountId = 100_000_000_000L;
    private List<String> regions = List.of("eu-central-1");
    private int asgs = 2;
    private int untaggedAsgs = 0;
    private int nodegroups = 2;
    private int clusters = 1;
    private List<String> schedules = List.of("office-hours");
    private int deniedAccounts = 0;
    private List<String> deniedAccountIds = List.of();
    private int stuckNodegroups = 0;

    FleetBuilder() {
    }

    public FleetBuilder seed(long seed) { this.seed = seed; return this; }

    public FleetBuilder hubAccount(String account) { this.hubAccount = account; return this; }

    /** Region of the STS endpoint the hub calls (the region part of STS bucket keys). */
    public FleetBuilder hubRegion(String region) { this.hubRegion = region; return this; }

    /** The only role name AssumeRole accepts in spoke accounts. */
    public FleetBuilder roleName(String roleName) { this.roleName = roleName; return this; }

    /** The ExternalId every spoke role requires; null lets any (or none) through. */
    public FleetBuilder externalId(String externalId) { this.externalId = externalId; return this; }

    public FleetBuilder bucket(ApiFamily family, TokenBucketSpec spec) { buckets.put(family, spec); return this; }

    public FleetBuilder latency(ApiFamily family, LatencySpec spec) { latencies.put(family, spec); return this; }

    /** No latency at all, for tests. */
    public FleetBuilder noLatency() {
        Arrays.stream(ApiFamily.values()).forEach(f -> latencies.put(f, LatencySpec.NONE));
        return this;
    }

    /** 1 = real time; 0.1 runs the fleet ten times faster (latencies, refills and update durations alike). */
    public FleetBuilder timeScale(double timeScale) { this.timeScale = timeScale; return this; }

    /** Start of the simulated wall clock (default the system clock's current instant). */
    public FleetBuilder clock(Clock clock) { this.clock = clock; return this; }

    /** Replaces clock and time scale, e.g. with {@link FleetTime#manual} for fully deterministic tests. */
    public FleetBuilder time(FleetTime time) { this.time = time; return this; }

    public FleetBuilder nodegroupUpdateDuration(Duration duration) { this.nodegroupUpdateDuration = duration; return this; }

    public FleetBuilder scalingApplies(ScalingApplies applies) { this.scalingApplies = applies; return this; }

    public FleetBuilder stsBucketScope(StsBucketScope scope) { this.stsBucketScope = scope; return this; }

    /** Share of EKS throttles answered HTTP 400 InvalidRequestException "Request limit exceeded". */
    public FleetBuilder eksRequestLimitFraction(double fraction) { this.eksRequestLimitFraction = fraction; return this; }

    /** Share of admitted calls of every family answered with HTTP 500 InternalFailure or 503 ServiceUnavailable. */
    public FleetBuilder serverErrorRate(double rate) {
        Arrays.stream(ApiFamily.values()).forEach(f -> serverErrorRates.put(f, rate));
        return this;
    }

    public FleetBuilder serverErrorRate(ApiFamily family, double rate) { serverErrorRates.put(family, rate); return this; }

    public FleetBuilder accounts(int count) { this.accounts = count; return this; }

    /** The first account id; the others count up from it (12 digits, zero-padded). */
    public FleetBuilder firstAccountId(long id) { this.firstAccountId = id; return this; }

    public FleetBuilder regions(String... regions) { this.regions = List.of(regions); return this; }

    public FleetBuilder asgsPerAccountRegion(int count) { this.asgs = count; return this; }

    /** ASGs without the schedule tag (not targets), so tag filters have something to filter out. */
    public FleetBuilder untaggedAsgsPerAccountRegion(int count) { this.untaggedAsgs = count; return this; }

    public FleetBuilder nodegroupsPerAccountRegion(int count) { this.nodegroups = count; return this; }

    /** Node groups are spread round-robin over this many clusters per account-region. */
    public FleetBuilder clustersPerAccountRegion(int count) { this.clusters = count; return this; }

    public FleetBuilder schedule(String schedule) { return schedules(schedule); }

    /** Schedules assigned round-robin to the resources of each account-region. */
    public FleetBuilder schedules(String... schedules) { this.schedules = List.of(schedules); return this; }

    /** This many accounts, picked with the seed, refuse AssumeRole (AccessDenied). */
    public FleetBuilder deniedAccounts(int count) { this.deniedAccounts = count; return this; }

    public FleetBuilder denyAssumeRole(String... accountIds) { this.deniedAccountIds = List.of(accountIds); return this; }

    /** This many node groups, picked with the seed, never finish an update (see {@link SimulatedFleet#stick}). */
    public FleetBuilder stuckNodegroups(int count) { this.stuckNodegroups = count; return this; }

    public SimulatedFleet build() {
        requireCounts();
        FleetConfig config = new FleetConfig(seed, hubAccount, hubRegion, roleName, externalId, buckets, latencies,
                timeScale, nodegroupUpdateDuration, scalingApplies, stsBucketScope, eksRequestLimitFraction,
                serverErrorRates);
        FleetTopology topology = new FleetTopology(accounts, firstAccountId, regions, asgs, untaggedAsgs, nodegroups,
                clusters, schedules, deniedAccounts, deniedAccountIds, stuckNodegroups);
        return new SimulatedFleet(config, topology, time != null ? time : FleetTime.scaled(clock, timeScale));
    }

    private void requireCounts() {
        if (accounts < 0 || asgs < 0 || untaggedAsgs < 0 || nodegroups < 0 || deniedAccounts < 0 || stuckNodegroups < 0) {
            throw new IllegalArgumentException("fleet sizes cannot be negative");
        }
        if (clusters < 1 || schedules.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one cluster per account-region, one schedule "
                    + "and one region");
        }
        if (firstAccountId < 0 || firstAccountId + accounts > 999_999_999_999L) {
            throw new IllegalArgumentException("account ids must fit in 12 digits");
        }
    }
}
