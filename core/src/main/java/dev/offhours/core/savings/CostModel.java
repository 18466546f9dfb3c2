package dev.offhours.core.savings;

import java.util.ArrayList;
import java.util.List;

/**
 * What offhours itself costs per month for a fleet of {@code targets}, line by line, and whether provisioned
 * DynamoDB capacity scheduled up before each wave (and down after it) would cost less than on-demand. Every figure
 * comes from {@link Assumptions}, which say where they come from, so a reader can change one and see the answer move.
 */
public final class CostModel {

    private static final double DAYS_PER_MONTH = 30;
    private static final double HOURS_PER_MONTH = DAYS_PER_MONTH * 24;
    private static final double MILLION = 1_000_000;

    private CostModel() {
    }

    /**
     * Per-target work and AWS list prices (us-east-1, checked 2026-11; change them for another region).
     *
     * @param writeUnitsPerTargetTransition DynamoDB write units per target and transition: the worker's ledger begin
     *        and finish and its inventory update (inventory table, whose {@code bySchedule} index doubles each write),
     *        the operation record written twice (IN_PROGRESS, final; the {@code recent} and {@code byTarget} indexes
     *        triple each write), the saved awake capacity on a sleep: 2+2+2 + 3+3 + 1 (about half the transitions)
     * @param readUnitsPerTargetTransition  the worker's reads (operation record, awake capacity) and the counts of
     *        the schedule while it converges (about 4 eventually consistent {@code bySchedule} pages)
     * @param recountReadUnitsPerTargetDay  a converged schedule is counted again every resendAfter (5 min): 288
     *        counts a day at 1/8 read unit per 1 KB item
     * @param targetsPerSecond              how fast a wave goes through the workers (the window-storm benchmark's
     *        order of magnitude with 50 in flight); a wave lasts targets / this
     * @param headroom                      provisioned capacity above the measured peak (AWS's 70-80 % target)
     * @param baselineUnits                 provisioned write and read units kept between waves (discovery, events,
     *        the API; a table and each index need at least 1)
     */
    public record Assumptions(int transitionsPerDay, double writeUnitsPerTargetTransition,
                              double readUnitsPerTargetTransition, double recountReadUnitsPerTargetDay,
                              double targetsPerSecond, double headroom, double baselineUnits,
                              double sqsRequestsPerTargetTransition, double idlePollRequestsPerMonth,
                              double spokeEventsPerTargetTransition,
                              double onDemandWritePerMillion, double onDemandReadPerMillion,
                              double provisionedWcuHour, double provisionedRcuHour, double sqsPerMillion,
                              double eventsPerMillion, double lambdaRequestsPerMillion, double lambdaGbSecond,
                              double lambdaGbSecondsPerTarget, double fargateTaskMonth, double cloudWatchMetricMonth,
                              int hubReplicas, double instancesPerTarget, double asleepHoursPerWeek) {

        public static Assumptions defaults() {
            return new Assumptions(2, 13, 2.5, 36, 40, 1.25, 5,
                    0.5, 1_000_000, 3,
                    0.625, 0.125, 0.00065, 0.00013, 0.40,
                    1.00, 0.20, 0.0000166667,
                    0.5, 35.5, 0.30,
                    2, 3, 118);
        }
    }

    /** One priced line of the bill. */
    public record Item(String name, double monthly) {
    }

    /**
     * @param waveMinutes            how long one wave takes
     * @param onDemand               DynamoDB on demand, per month
     * @param provisioned            DynamoDB provisioned, scaled up before each wave and down after it, per month
     * @param service                the rest of the bill with the service's worker pool (ECS), DynamoDB on demand
     * @param lambda                 the rest of the bill with the Lambda worker, DynamoDB on demand
     * @param fleetSavesPerMonth     what putting the fleet to sleep saves at the hourly price given
     */
    public record Estimate(int targets, double waveMinutes, double onDemand, double provisioned, List<Item> service,
                           List<Item> lambda, double fleetSavesPerMonth) {

        public boolean provisionedPays() {
            return provisioned < onDemand;
        }

        public double serviceTotal() {
            return onDemand + service.stream().mapToDouble(Item::monthly).sum();
        }

        public double lambdaTotal() {
            return onDemand + lambda.stream().mapToDouble(Item::monthly).sum();
        }
    }

    /**
     * The provisioned capacity a fleet of {@code targets} needs: {@code peak*} while a wave runs (headroom
     * included), {@code base*} between waves; units are totals over the hub tables and their indexes.
     */
    public record CapacityPlan(double peakWriteUnits, double peakReadUnits, double baseWriteUnits,
                               double baseReadUnits, double waveSeconds) {
    }

    public static CapacityPlan plan(int targets, Assumptions a) {
        double waveSeconds = Math.max(60, targets / a.targetsPerSecond());
        double steadyRcu = targets * a.recountReadUnitsPerTargetDay() / 86_400 * a.headroom();
        return new CapacityPlan(targets * a.writeUnitsPerTargetTransition() / waveSeconds * a.headroom(),
                steadyRcu + targets * a.readUnitsPerTargetTransition() / waveSeconds * a.headroom(),
                a.baselineUnits(), Math.max(a.baselineUnits(), steadyRcu), waveSeconds);
    }

    public static Estimate estimate(int targets, Assumptions a, double instanceHourPrice) {
        double transitionsPerMonth = a.transitionsPerDay() * DAYS_PER_MONTH;
        double writes = targets * a.writeUnitsPerTargetTransition() * transitionsPerMonth;
        double reads = targets * (a.readUnitsPerTargetTransition() * transitionsPerMonth
                + a.recountReadUnitsPerTargetDay() * DAYS_PER_MONTH);
        double onDemand = writes / MILLION * a.onDemandWritePerMillion()
                + reads / MILLION * a.onDemandReadPerMillion();

        CapacityPlan plan = plan(targets, a);
        double waveSeconds = plan.waveSeconds();
        // provisioned capacity is billed per hour: a wave keeps the raised capacity for whole hours
        double hoursUp = Math.ceil(waveSeconds / 3600) * transitionsPerMonth;
        double peakWcu = plan.peakWriteUnits();
        double peakRcu = plan.peakReadUnits();
        double baseWcu = plan.baseWriteUnits();
        double baseRcu = plan.baseReadUnits();
        double provisioned = (Math.max(peakWcu, baseWcu) * hoursUp + baseWcu * (HOURS_PER_MONTH - hoursUp))
                * a.provisionedWcuHour()
                + (Math.max(peakRcu, baseRcu) * hoursUp + baseRcu * (HOURS_PER_MONTH - hoursUp))
                * a.provisionedRcuHour();

        List<Item> common = new ArrayList<>();
        double sqsRequests = targets * a.sqsRequestsPerTargetTransition() * transitionsPerMonth;
        common.add(new Item("SQS work queue (sends, receives, deletes in batches of 10)",
                sqsRequests / MILLION * a.sqsPerMillion()));
        common.add(new Item("EventBridge (spoke events forwarded to the hub bus, offhours' own events)",
                (targets * a.spokeEventsPerTargetTransition() + 10) * transitionsPerMonth / MILLION
                        * a.eventsPerMillion()));
        common.add(new Item("CloudWatch (4 alarm metrics)", 4 * a.cloudWatchMetricMonth()));
        common.add(new Item("CloudTrail (management events, first trail)", 0));
        List<Item> service = new ArrayList<>(common);
        service.add(new Item("SQS long polls of the idle worker pool", a.idlePollRequestsPerMonth() / MILLION
                * a.sqsPerMillion() * a.hubReplicas()));
        service.add(new Item(a.hubReplicas() + " hub replicas on ECS Fargate (1 vCPU, 2 GB)",
                a.hubReplicas() * a.fargateTaskMonth()));
        List<Item> lambda = new ArrayList<>(common);
        double invocations = targets * transitionsPerMonth / 10;
        lambda.add(new Item("Lambda worker (batches of 10, 512 MB)", invocations / MILLION * a.lambdaRequestsPerMillion()
                + targets * transitionsPerMonth * a.lambdaGbSecondsPerTarget() * a.lambdaGbSecond()));
        lambda.add(new Item(a.hubReplicas() + " hub replicas on ECS Fargate (1 vCPU, 2 GB)",
                a.hubReplicas() * a.fargateTaskMonth()));
        double saves = targets * a.instancesPerTarget() * a.asleepHoursPerWeek() * (DAYS_PER_MONTH / 7)
                * instanceHourPrice;
        return new Estimate(targets, waveSeconds / 60, onDemand, provisioned, service, lambda, saves);
    }
}
